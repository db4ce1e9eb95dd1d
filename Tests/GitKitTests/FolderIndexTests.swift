import Foundation
import GitKit
import TestSupport
import Testing

/// The folder index file: what is saved comes back, for its path alone, and anything else is
/// ignored; lookups read through to the repository and are recorded.
@Suite struct FolderIndexTests {
  private func temporaryPath() throws -> String { try temporaryIndexPath("folders-1") }

  private func oid(_ seed: Int) -> Oid { seededOid(seed) }

  /// Trees with a folder, and trees without one.
  private var sample: [(tree: Oid, folder: Oid?)] {
    [(oid(1), oid(2)), (oid(3), nil), (oid(4), oid(2)), (oid(5), nil)]
  }

  private func saved(at path: String, folderPath: String = ".budgets") {
    let index = FolderIndex(path: path, folderPath: folderPath)
    for (tree, folder) in sample { index.record(folder, inTree: tree) }
    index.save()
  }

  @Test func roundTrip() throws {
    let path = try temporaryPath()
    saved(at: path)
    let read = FolderIndex(path: path, folderPath: ".budgets")
    #expect(read.wasLoaded)
    #expect(read.count == sample.count)
    #expect(!read.hasUnsavedEntries)
    for (tree, folder) in sample {
      // Known, with its folder or with none.
      #expect(read.folder(inTree: tree) == .some(folder))
    }
    #expect(read.folder(inTree: oid(99)) == nil)
  }

  @Test func aFileForAnotherPathIsIgnored() throws {
    let path = try temporaryPath()
    saved(at: path, folderPath: "budgets")
    for other in [".budgets", "budget", "budgets/", ""] {
      let read = FolderIndex(path: path, folderPath: other)
      #expect(!read.wasLoaded, "\(other)")
      #expect(read.count == 0)
    }
    #expect(FolderIndex(path: path, folderPath: "budgets").wasLoaded)
  }

  /// Any byte changed, the file truncated anywhere, or a tail added: the index is ignored, and
  /// the next save writes a good file again.
  @Test func aDamagedFileIsIgnoredAndReplaced() throws {
    let path = try temporaryPath()
    saved(at: path)
    let good = try Data(contentsOf: URL(fileURLWithPath: path))
    for bytes in damagedCopies(of: good, every: 3) {
      try bytes.write(to: URL(fileURLWithPath: path))
      let read = FolderIndex(path: path, folderPath: ".budgets")
      #expect(!read.wasLoaded)
      #expect(read.count == 0)
    }
    saved(at: path)
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == good)
  }

  @Test func anUnwritableFolderLeavesTheIndexInMemory() throws {
    let path = try temporaryPath()
    try Data("x".utf8).write(to: URL(fileURLWithPath: path).deletingLastPathComponent())
    let index = FolderIndex(path: path, folderPath: ".budgets")
    for (tree, folder) in sample { index.record(folder, inTree: tree) }
    index.save()
    #expect(index.hasUnsavedEntries)
    #expect(index.folder(inTree: oid(1)) == .some(oid(2)))
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  /// Through a repository: the folder each commit's tree holds, as git says, whether the index
  /// was empty, saved, or shared by threads recording at once.
  @Test func lookupsReadThroughAndAreRecorded() throws {
    let fixture = try makeSampleRepository()
    let repository = try open(fixture)
    let reader = try repository.rawObjectReader()
    var trees: [(tree: Oid, expected: Oid?)] = []
    for hex in try fixture.gitLines("rev-list", "--all") {
      let tree = try repository.links(of: try #require(Oid(hex: hex))).treeId
      let listed = try? fixture.git("rev-parse", "--verify", "-q", "\(hex):.budgets")
      trees.append((tree, listed.flatMap { Oid(hex: $0) }))
    }
    // Some commits have the folder; the folder itself is a tree without one inside.
    #expect(trees.contains { $0.expected != nil })
    trees.append((try #require(Oid(hex: try fixture.git("rev-parse", "HEAD:.budgets"))), nil))
    let all = trees
    let path = repository.folderIndexPath(for: ".budgets")
    let index = try #require(repository.folderIndex(for: ".budgets"))
    for (tree, expected) in trees {
      #expect(try index.folder(inTree: tree, reading: reader) == expected)
    }
    index.save()
    let reread = FolderIndex(path: path, folderPath: ".budgets")
    #expect(reread.wasLoaded)
    for (tree, expected) in trees { #expect(reread.folder(inTree: tree) == .some(expected)) }

    try FileManager.default.removeItem(atPath: path)
    let shared = FolderIndex(path: path, folderPath: ".budgets")
    let wrong = Counter()
    let folder = fixture.path
    DispatchQueue.concurrentPerform(iterations: 4) { _ in
      // Each thread reads through its own handle on the repository.
      guard let repository = try? Repository.discover(from: folder, environment: [:]),
        let reader = try? repository.rawObjectReader()
      else { return wrong.add() }
      for (tree, expected) in all
      where (try? shared.folder(inTree: tree, reading: reader)) != expected {
        wrong.add()
      }
    }
    #expect(wrong.value == 0)
    #expect(shared.count == Set(trees.map(\.tree)).count)
  }
}

/// A count that threads add to.
private final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0
  var value: Int { lock.withLock { count } }
  func add() { lock.withLock { count += 1 } }
}
