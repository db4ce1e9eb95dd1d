import Foundation
import TestSupport
import Testing

/// Repositories and measurements for the `record` and `export --runs` tests.
enum RunsFixture {
  /// Figures of every kind: a summary, a plain number, raw samples and an SLI series.
  static let measurements = """
    {"version": 1, "kind": "Measurements", "environment": "staging", "at": "2026-11-25T10:00:00Z", "values": {"fraud": {
      "latency_p95": "112ms", "precision": 0.961,
      "latency": {"unit": "ms", "samples": [12, 15, 11, 30, 18, 20, 14, 16, 13, 17]},
      "availability": {"bucket": "1h", "good": [99, 98], "total": [100, 100]}}}}
    """

  /// A repository with two commits, git's identity set, and `m.json` beside them (untracked).
  static func repository(identity: (String, String) = ("Alice", "alice@example.com")) throws
    -> TemporaryRepository
  {
    let repository = try TemporaryRepository()
    try configure(repository, identity: identity)
    try repository.write(path: "f.txt", contents: "1\n")
    try repository.commit(message: "first")
    try repository.write(path: "f.txt", contents: "2\n")
    try repository.commit(message: "second")
    try repository.write(path: "m.json", contents: measurements)
    return repository
  }

  static func configure(_ repository: TemporaryRepository, identity: (String, String)) throws {
    try repository.git("config", "user.name", identity.0)
    try repository.git("config", "user.email", identity.1)
  }

  static func run(
    _ arguments: [String], in repository: TemporaryRepository, environment: [String: String] = [:]
  ) throws -> ProcessResult {
    try BursarCLI.run(arguments, in: repository.path, environment: environment)
  }

  /// The files under `refs/bursar/runs`.
  static func storedFiles(_ repository: TemporaryRepository) throws -> [String] {
    try repository.gitLines("ls-tree", "-r", "--name-only", "refs/bursar/runs")
  }

  /// Each line of `export --runs` as a JSON object.
  static func exported(_ result: ProcessResult) throws -> [[String: Any]] {
    try result.stdoutText.split(separator: "\n").map {
      try #require(
        try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any], "\($0)")
    }
  }

  /// Adds `contents` as a blob at `path` in a new commit of `refs/bursar/runs`, with git's
  /// plumbing, as a damaged or foreign writer would.
  static func inject(_ contents: String, at path: String, in repository: TemporaryRepository)
    throws
  {
    let blob = try repository.git(
      ["hash-object", "-w", "--stdin"], stdin: Data(contents.utf8))
    let index = repository.directory.appending("runs.index")
    let environment = ["GIT_INDEX_FILE": index]
    try repository.git(["read-tree", "refs/bursar/runs"], environment: environment)
    try repository.git(
      ["update-index", "--add", "--cacheinfo", "100644,\(blob),\(path)"], environment: environment)
    let tree = try repository.git(["write-tree"], environment: environment)
    let commit = try repository.git(
      ["commit-tree", tree, "-p", "refs/bursar/runs", "-m", "inject"])
    try repository.git("update-ref", "refs/bursar/runs", commit)
    try? FileManager.default.removeItem(atPath: index)
  }

  /// An ed25519 key pair at `folder/name` (and `.pub`), with no passphrase.
  static func key(_ name: String, in folder: TemporaryDirectory) throws -> String {
    let path = folder.appending(name)
    let result = try runProcess(
      "ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", path], cwd: folder.path)
    try #require(result.succeeded, "\(result.stderrText)")
    return path
  }
}
