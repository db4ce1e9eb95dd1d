import Foundation
import TestSupport
import Testing

/// `bursar check` reports every problem of a measurements file in one run, sorted by place.
struct CheckProblemsEndToEndTests {
  @Test func anUnknownBudgetAUnitMismatchAndAnUnknownMetricInOneRun() throws {
    let repository = try CheckFixtureRepository.make()
    let measurements = """
      version: 1
      kind: Measurements
      values:
        scorer:
          latency_p95: 2GiB
          latncy_p99: 1ms
        scorr:
          latency_p95: 80ms

      """
    try repository.write(path: "m.yaml", contents: measurements)
    let result = try BursarRunner(repository: repository).run("check", "-m", "m.yaml")
    #expect(result.status == 2)
    let lines = result.stderrText.split(separator: "\n").map(String.init)
    #expect(lines.count == 4, "\(result.stderrText)")
    #expect(
      lines.first?.hasPrefix("m.yaml:5:18: `latency_p95` of `scorer` is measured as `2GiB`") == true
    )
    #expect(lines.dropFirst().first?.hasPrefix("m.yaml:6:5: `latncy_p99` is not a metric") == true)
    #expect(lines.dropFirst().first?.contains("did you mean `latency_p99`?") == true)
    #expect(
      lines.dropFirst(2).first == "m.yaml:7:3: no budget is named `scorr` (did you mean `scorer`?)")
    #expect(lines.last?.contains("cannot check: 3 problems in m.yaml") == true)
    #expect(result.stdoutText.isEmpty)
  }

  /// The example of docs/check.md, run on the example budgets, prints what the docs show.
  @Test func theDocumentedExamplePrintsWhatTheDocsShow() throws {
    let docs = try String(contentsOfFile: BursarCLI.packageRoot + "/docs/check.md", encoding: .utf8)
    let after = try #require(docs.range(of: "For this `m.yaml`:\n\n```yaml\n"))
    let rest = docs[after.upperBound...]
    let yamlEnd = try #require(rest.range(of: "```\n\n```text\n"))
    let measurements = String(rest[..<yamlEnd.lowerBound])
    let output = rest[yamlEnd.upperBound...]
    let shown = String(output[..<(try #require(output.range(of: "```"))).lowerBound])
    let repository = try TemporaryRepository.withExamples()
    try repository.write(path: "m.yaml", contents: measurements)
    let result = try BursarCLI.run("check", "-m", "m.yaml", in: repository.path)
    #expect(result.status == 2)
    #expect(result.stderrText.hasPrefix(shown), "\(result.stderrText)")
  }
}
