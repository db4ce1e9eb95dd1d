import Foundation
import TestSupport
import Testing

/// `scripts/compare-outputs.sh`, which holds a refactoring to byte-identical outputs, keeps
/// working: it finds no difference between a binary and itself and reports one byte of
/// difference.
@Suite("scripts/compare-outputs.sh")
struct CompareOutputsTests {
  /// A small history, so the script runs in seconds.
  static let sizes = ["COMMITS": "60", "BUDGETS": "6", "CHANGES": "20"]

  static func compare(_ arguments: [String]) throws -> ProcessResult {
    try runProcess(
      BursarCLI.packageRoot + "/scripts/compare-outputs.sh", arguments,
      environment: TemporaryRepository.environment(sizes), cwd: BursarCLI.packageRoot)
  }

  @Test("the same binary twice gives identical outputs on the demo and a generated history")
  func sameBinaryIsIdentical() throws {
    let binary = try BursarCLI.binary
    let result = try Self.compare([binary, binary])
    #expect(result.status == 0, "\(result.stdoutText)\(result.stderrText)")
    let summary = try #require(
      result.stdoutText.firstMatch(of: /all (\d+) outputs identical/), "\(result.stdoutText)")
    #expect(Int(summary.1)! >= 80, "every command and format of both repositories is compared")
  }

  @Test("one extra byte in one command's output is reported, with exit status 1")
  func oneByteDiffers() throws {
    let folder = try TemporaryDirectory(prefix: "bursar-compare-test")
    let altered = try folder.write(
      """
      #!/bin/sh
      "\(try BursarCLI.binary)" "$@"
      status=$?
      [ "$1" = blame ] && printf ' '
      exit $status

      """, to: "bursar")
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: altered)
    let result = try Self.compare(["--repos", "history", try BursarCLI.binary, altered])
    #expect(result.status == 1, "\(result.stdoutText)\(result.stderrText)")
    #expect(result.stdoutText.contains("DIFFERS [history] bursar blame model-0005 latency_p95"))
    #expect(result.stdoutText.contains("compare-outputs: 2 of"))
  }

  @Test("a missing binary is bad usage")
  func missingBinary() throws {
    let result = try Self.compare(["/nonexistent/bursar", try BursarCLI.binary])
    #expect(result.status == 2)
    #expect(result.stderrText.contains("/nonexistent/bursar is not an executable bursar"))
  }
}
