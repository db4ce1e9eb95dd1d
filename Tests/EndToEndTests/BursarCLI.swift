import Foundation
import TestSupport

/// Runs the built `bursar` binary, as a user would, in a directory.
enum BursarCLI {
  /// The package root, found from this file's place.
  static let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  /// The binary under test (see `BursarBinary`); throws when it is missing or stale.
  static var binary: String {
    get throws { try BursarBinary.located.get() }
  }

  /// The shared examples, kept in the repository.
  static let examples = packageRoot + "/examples"

  static func run(
    _ arguments: [String], in directory: String, environment extra: [String: String] = [:],
    stdin: Data? = nil
  ) throws -> ProcessResult {
    var environment = TemporaryRepository.environment(extra)
    environment["NO_COLOR"] = "1"
    return try runProcess(
      try binary, arguments, stdin: stdin, environment: environment, cwd: directory)
  }

  static func run(_ arguments: String..., in directory: String) throws -> ProcessResult {
    try run(arguments, in: directory)
  }
}

extension TemporaryRepository {
  /// A repository holding a copy of the example `.budgets/`, committed.
  static func withExamples(commit: Bool = true) throws -> TemporaryRepository {
    let repository = try TemporaryRepository()
    _ = try runProcess(
      "cp", ["-R", BursarCLI.examples + "/.budgets", repository.path + "/.budgets"],
      cwd: repository.path)
    if commit { _ = try repository.commit(message: "Add budgets") }
    return repository
  }
}
