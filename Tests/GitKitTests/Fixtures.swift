import Foundation
import GitKit
import TestSupport

/// Opens a fixture with GitKit, ignoring any hook variables of the process running the tests.
func open(_ fixture: TemporaryRepository, at relative: String = "") throws -> Repository {
  let path = relative.isEmpty ? fixture.path : fixture.absolutePath(relative)
  return try Repository.discover(from: path, environment: [:])
}

/// Resolves a revision with the `git` command line, peeled to a commit.
func gitCommit(_ fixture: TemporaryRepository, _ revision: String) throws -> Oid {
  let hex = try fixture.git("rev-parse", "--verify", "--end-of-options", revision + "^{commit}")
  guard let oid = Oid(hex: hex) else { throw ProcessFailure(command: [], status: nil, stderr: hex) }
  return oid
}

/// Splits `git ... -z` output into its NUL-terminated records.
func nulRecords(_ text: String) -> [String] {
  text.split(separator: "\0", omittingEmptySubsequences: true).map(String.init)
}

/// One line per entry, "mode id path", the way `git ls-tree -r` and `git ls-files -s` show
/// stage-0 files, for comparing GitKit listings with the command line.
func describe(_ entries: [TreeEntry]) -> [String] {
  entries.map { "\(String($0.mode, radix: 8)) \($0.id.hex) \($0.path)" }
}

/// `git ls-tree -r` of a tree-ish as "mode id path" lines, paths relative to that tree.
func lsTree(_ fixture: TemporaryRepository, _ treeish: String) throws -> [String] {
  try nulRecords(fixture.git("ls-tree", "-r", "-z", treeish)).map { record in
    let parts = record.split(separator: "\t", maxSplits: 1)
    let fields = parts[0].split(separator: " ")
    return "\(fields[0]) \(fields[2]) \(parts[1])"
  }
}

/// Builds a repository with two branches, a merge, tags, a symbolic link, an executable,
/// a submodule entry and names with spaces and accents.
///
/// History, oldest first: c1 (tagged v1) - c2 (annotated v2) - branch `feature` (f1, f2)
/// interleaved with c3 on main - merge m - c4 (adds the submodule entry).
func makeSampleRepository() throws -> TemporaryRepository {
  let fixture = try TemporaryRepository()
  try fixture.write(path: "README", contents: "hello\n")
  try fixture.write(path: ".budgets/api.yaml", contents: "p95: 120ms\n")
  try fixture.write(path: ".budgets/web/page.yaml", contents: "lcp: 2s\n")
  try fixture.write(path: "tools/run.sh", contents: "#!/bin/sh\necho run\n", executable: true)
  try fixture.symlink(path: ".budgets/alias.yaml", target: "api.yaml")
  try fixture.symlink(path: "link", target: "README")
  try fixture.write(path: "dir with space/caf\u{e9}.txt", contents: "accent\n")
  try fixture.commit(message: "c1")
  try fixture.git("tag", "v1")
  try fixture.write(path: ".budgets/api.yaml", contents: "p95: 110ms\n")
  try fixture.commit(message: "c2\n\nBody of c2.")
  try fixture.git("tag", "-a", "v2", "-m", "release 2")
  try fixture.git("checkout", "-q", "-b", "feature")
  try fixture.write(path: ".budgets/feature.yaml", contents: "size: 10kb\n")
  try fixture.commit(message: "f1")
  try fixture.git("checkout", "-q", "main")
  try fixture.write(path: "README", contents: "hello again\n")
  try fixture.commit(message: "c3")
  try fixture.git("checkout", "-q", "feature")
  try fixture.write(path: ".budgets/feature.yaml", contents: "size: 12kb\n")
  try fixture.commit(message: "f2")
  try fixture.git("checkout", "-q", "main")
  try fixture.git(
    ["merge", "-q", "--no-ff", "--no-edit", "feature"], environment: fixture.commitDateEnvironment()
  )
  let c1 = try fixture.git("rev-parse", "v1")
  try fixture.git("update-index", "--add", "--cacheinfo", "160000,\(c1),vendor/sub")
  try fixture.commit(message: "c4 adds a submodule", stageAll: false)
  return fixture
}

/// A path for an index file in a new temporary folder: `bursar/<name>` there, not yet written.
func temporaryIndexPath(_ name: String) throws -> String {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "\(name)-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  return folder.appendingPathComponent("bursar/\(name)").path
}

/// A made-up id, different for each seed.
func seededOid(_ seed: Int) -> Oid {
  let high = withUnsafeBytes(of: UInt64(seed).bigEndian) { Array($0) }
  return Oid(bytes: high + (0..<12).map { UInt8(truncatingIfNeeded: seed &* 31 &+ $0 &* 7) })!
}

/// A file's damaged copies: empty, with a byte added, and every `step`th byte flipped or the
/// file cut there.
func damagedCopies(of good: Data, every step: Int) -> [Data] {
  var damaged: [Data] = [Data(), good + Data([0])]
  for offset in stride(from: 0, to: good.count, by: step) {
    var copy = good
    copy[offset] ^= 0x40
    damaged.append(copy)
    damaged.append(good.prefix(offset))
  }
  return damaged
}
