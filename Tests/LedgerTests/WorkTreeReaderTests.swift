import BudgetKit
import Foundation
import GitKit
import Ledger
import TestSupport
import Testing

/// The work tree is read without hiding failures: each file that cannot be read, and each
/// folder that is not read, is an error with its real reason.
struct WorkTreeReaderTests {
  private let budget =
    "version: 1\nkind: Budget\nname: a\nowner: sre\nmetrics:\n  m: { dimension: latency, max: 1s }\n"

  private func repository(_ files: [String]) throws -> TemporaryRepository {
    let repo = try TemporaryRepository()
    for file in files { try repo.write(path: file, contents: budget) }
    return repo
  }

  private func problems(in snapshot: BudgetSnapshot) -> [String: String] {
    let tree = BudgetTreeLoader().load(snapshot.files)
    var found: [String: String] = [:]
    for diagnostic in tree.diagnostics where diagnostic.rule == .fileEncoding {
      found[diagnostic.location.path] = diagnostic.message
    }
    return found
  }

  /// Entries that change between the walk and the read (the reader reads lazily, so a test can
  /// change them in between) fail to open or read, each for its own reason.
  @Test func eachFailureNamesItsCause() throws {
    let repo = try repository([
      ".budgets/gone.yaml", ".budgets/folder.yaml", ".budgets/link.yaml", ".budgets/fifo.yaml",
      ".budgets/fine.yaml",
    ])
    let snapshot = try SnapshotReader(
      repository: Repository.discover(from: repo.path, environment: [:])
    ).snapshot(.workTree)
    let manager = FileManager.default
    try manager.removeItem(atPath: repo.absolutePath(".budgets/gone.yaml"))
    try manager.removeItem(atPath: repo.absolutePath(".budgets/folder.yaml"))
    try manager.createDirectory(
      atPath: repo.absolutePath(".budgets/folder.yaml"), withIntermediateDirectories: false)
    try manager.removeItem(atPath: repo.absolutePath(".budgets/link.yaml"))
    try manager.createSymbolicLink(
      atPath: repo.absolutePath(".budgets/link.yaml"),
      withDestinationPath: repo.absolutePath(".budgets/fine.yaml"))
    try manager.removeItem(atPath: repo.absolutePath(".budgets/fifo.yaml"))
    #expect(mkfifo(repo.absolutePath(".budgets/fifo.yaml"), 0o644) == 0)

    let found = problems(in: snapshot)
    #expect(found[".budgets/gone.yaml"]?.contains("no such file") == true, "\(found)")
    #expect(found[".budgets/folder.yaml"]?.contains("it is a folder") == true, "\(found)")
    #expect(found[".budgets/link.yaml"]?.contains("symbolic link") == true, "\(found)")
    #expect(found[".budgets/fifo.yaml"]?.contains("not a regular file") == true, "\(found)")
    #expect(found[".budgets/fine.yaml"] == nil)
    #expect(!found.values.contains { $0.contains("permission denied") })
  }

  @Test func aFolderBeyondTheDepthLimitIsReported() throws {
    let deep = (1...33).map { "d\($0)" }.joined(separator: "/")
    let repo = try repository([".budgets/\(deep)/hidden.yaml", ".budgets/fine.yaml"])
    let snapshot = try SnapshotReader(
      repository: Repository.discover(from: repo.path, environment: [:])
    ).snapshot(.workTree)
    let found = problems(in: snapshot)
    let folder = ".budgets/" + (1...32).map { "d\($0)" }.joined(separator: "/")
    #expect(found[folder]?.contains("32 levels") == true, "\(found)")
    #expect(found.count == 1)
  }

  @Test func everyErrorNumberHasItsOwnSentence() {
    let codes: [Int32] = [ENOENT, EACCES, EISDIR, ELOOP, EMFILE, ENOTDIR]
    let sentences = Set(codes.map { FileAccessError(code: $0).description })
    #expect(sentences.count == codes.count)
    #expect(FileAccessError(code: EACCES).description == "permission denied")
  }
}
