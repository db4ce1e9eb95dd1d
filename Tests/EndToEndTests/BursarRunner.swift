import Foundation
import TestSupport

/// Runs the built `bursar` binary in a temporary repository, as a person would.
///
/// The binary is `BURSAR_BIN` when set, else `.build/debug/bursar` of this package.
struct BursarRunner {
  static let binary: String = {
    if let path = ProcessInfo.processInfo.environment["BURSAR_BIN"], !path.isEmpty { return path }
    let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent()
    return package.appendingPathComponent(".build/debug/bursar").path
  }()

  let repository: TemporaryRepository

  /// `bursar ARGUMENTS` in the repository's work tree, without colour.
  func run(_ arguments: String..., stdin: Data? = nil) throws -> ProcessResult {
    try run(arguments, stdin: stdin)
  }

  func run(_ arguments: [String], stdin: Data? = nil, cwd: String? = nil) throws -> ProcessResult {
    try runProcess(
      Self.binary, arguments, stdin: stdin,
      environment: TemporaryRepository.environment(["NO_COLOR": "1"]),
      cwd: cwd ?? repository.path)
  }
}
