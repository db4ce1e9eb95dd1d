import Foundation
import TestSupport

/// Runs the built `bursar` binary in a temporary repository, as a person would.
///
/// The binary is `BursarCLI.binary`: `BURSAR_BIN` when set, else the one beside the test bundle.
struct BursarRunner {
  let repository: TemporaryRepository

  /// `bursar ARGUMENTS` in the repository's work tree, without colour.
  func run(_ arguments: String..., stdin: Data? = nil) throws -> ProcessResult {
    try run(arguments, stdin: stdin)
  }

  func run(_ arguments: [String], stdin: Data? = nil, cwd: String? = nil) throws -> ProcessResult {
    try BursarCLI.run(arguments, in: cwd ?? repository.path, stdin: stdin)
  }
}
