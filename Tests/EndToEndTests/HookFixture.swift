import Foundation
import TestSupport

/// A repository with the example budgets, whose git commands find the `bursar` under test.
struct HookFixture {
  let repository: TemporaryRepository

  /// The environment of git commands: the binary's folder first on `PATH`.
  static var environment: [String: String] {
    get throws {
      let folder = URL(fileURLWithPath: try BursarCLI.binary).deletingLastPathComponent().path
      let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
      return ["PATH": folder + ":" + path, "NO_COLOR": "1"]
    }
  }

  /// A repository holding the example `.budgets/`, committed, with bursar's hooks installed
  /// when `install` is true.
  init(install: Bool = true) throws {
    repository = try TemporaryRepository.withExamples()
    if install { _ = try bursar("hooks", "install") }
  }

  init(repository: TemporaryRepository) {
    self.repository = repository
  }

  /// Runs `bursar` in the repository.
  func bursar(_ arguments: String...) throws -> ProcessResult {
    try BursarCLI.run(arguments, in: repository.path)
  }

  /// Runs `git` in the repository with hooks enabled; failures are returned, not thrown.
  func git(_ arguments: [String], extra: [String: String] = [:]) throws -> ProcessResult {
    let environment = TemporaryRepository.environment(try Self.environment.merging(extra) { $1 })
    return try runProcess("git", arguments, environment: environment, cwd: repository.path)
  }

  /// Replaces `old` with `new` in a file of the work tree.
  func edit(_ path: String, replacing old: String, with new: String) throws {
    let file = repository.absolutePath(path)
    let text = try String(contentsOfFile: file, encoding: .utf8)
    precondition(text.contains(old), "\(path) does not contain \(old)")
    try repository.write(path: path, contents: text.replacingOccurrences(of: old, with: new))
  }

  static let fraud = ".budgets/models/fraud-detector.yaml"
  static let latency = "latency_p95:           { dimension: latency,   max: 100ms }"

  /// Raises the fraud detector's p95 latency cap: a loosening.
  func loosen() throws {
    try edit(
      Self.fraud, replacing: Self.latency,
      with: Self.latency.replacingOccurrences(of: "100ms", with: "120ms"))
  }

  /// Lowers the fraud detector's p95 latency cap: a tightening.
  func tighten() throws {
    try edit(
      Self.fraud, replacing: Self.latency,
      with: Self.latency.replacingOccurrences(of: "100ms", with: "90ms"))
  }

  /// Misspells a key, which makes the tree invalid.
  func breakTree() throws {
    try edit(
      Self.fraud, replacing: Self.latency,
      with: Self.latency.replacingOccurrences(of: "max:", with: "mx:"))
  }
}
