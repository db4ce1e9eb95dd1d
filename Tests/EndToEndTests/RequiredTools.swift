import Foundation
import TestSupport
import Testing

/// Tools a test cannot do without: a missing one fails the test, never skips it, so a machine
/// without it cannot pass for one where the test ran.
enum RequiredTools {
  /// Fails unless each tool runs (`TOOL --version` exits 0), saying what installs it.
  static func require(_ tools: String...) throws {
    for tool in tools {
      let result = try? runProcess(tool, ["--version"], cwd: BursarCLI.packageRoot)
      try #require(
        result?.succeeded == true,
        "\(tool) is missing or broken: `make test-deps` installs it. \(result?.stderrText ?? "")")
    }
  }
}
