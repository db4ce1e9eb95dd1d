import Foundation
import TestSupport
import Testing

/// `bursar record --from TOOL` on real temporary repositories: a tool's outputs read as
/// `check --from` reads them, through the `kind: Import` mappings of the commit recorded, then
/// read back by `history` and `export --runs`.
@Suite(.serialized) struct RecordImportEndToEndTests {
  static let fixtures = ImportEndToEndTests.fixtures
  static let ci = ["--as", "CI Runner <ci@example.com>"]

  /// Whether `refs/bursar/runs` exists: a refused recording must leave none.
  static func hasRuns(_ repository: TemporaryRepository) -> Bool {
    (try? repository.git("rev-parse", "--verify", "--quiet", "refs/bursar/runs")) != nil
  }

  /// The fixture's `/score` p95 is 160ms and p50 75ms; Aggregated holds 17 failures in 221
  /// requests. The 76 figures no mapping names are listed and not recorded.
  @Test func recordsALocustOutputThroughTheMappingOfTheCommit() throws {
    let (repository, bursar) = try ImportEndToEndTests.repository(
      mapping: ImportFiles.locustMapping)
    let head = try repository.git("rev-parse", "HEAD")
    // The work tree's mapping is not the commit's: the commit's is applied.
    try repository.write(
      path: ".budgets/imports/locust.yaml",
      contents: ImportFiles.locustMapping.replacingOccurrences(
        of: "statistic: \"95%\"", with: "statistic: \"99%\""))
    let stats = Self.fixtures + "/locust_stats.csv"
    let recorded = try bursar.run(["record", "--from", "locust", "-m", stats] + Self.ci)
    #expect(recorded.status == 0, "\(recorded.stderrText)")
    #expect(
      recorded.stdoutText.contains("of \(head.prefix(7)) (3 figures, production) at runs/"),
      "\(recorded.stdoutText)")
    #expect(
      recorded.stdoutText.contains(
        "locust output read through .budgets/imports/locust.yaml; 76 figures no mapping names:"),
      "\(recorded.stdoutText)")
    #expect(recorded.stdoutText.contains("/fail {Type=GET}: Request Count, Failure Count"))

    let history = try bursar.run("history", "scorer", "latency_p95", "--format", "json")
    #expect(history.status == 0, "\(history.stderrText)")
    let document = try #require(
      try JSONSerialization.jsonObject(with: history.stdout) as? [String: Any])
    let figures = try #require(document["figures"] as? [[String: Any]])
    #expect(figures.count == 1)
    #expect(figures.first?["measured"] as? String == "160ms")
    #expect(figures.first?["verdict"] as? String == "within")
    let text = try bursar.run("history", "scorer", "latency_p50")
    #expect(text.status == 0 && text.stdoutText.contains("75ms"), "\(text.stdoutText)")

    let export = try bursar.run("export", "--runs")
    #expect(export.status == 0, "\(export.stderrText)")
    let lines = try RunsFixture.exported(export)
    #expect(
      Set(lines.compactMap { $0["metric"] as? String }) == [
        "latency_p95", "latency_p50", "availability",
      ])
    #expect(lines.allSatisfy { $0["source_tool"] as? String == "locust" })
    #expect(lines.allSatisfy { $0["source_format"] as? String == "csv" })
    #expect(lines.allSatisfy { $0["source_file"] as? String == stats })
    let availability = try #require(lines.first { $0["metric"] as? String == "availability" })
    #expect((availability["good"] as? NSNumber)?.doubleValue == 204)
    #expect((availability["total"] as? NSNumber)?.doubleValue == 221)
    let p95 = try #require(lines.first { $0["metric"] as? String == "latency_p95" })
    #expect((p95["value"] as? NSNumber)?.doubleValue == 0.16)

    // Without --from the content says Locust: the same run, stored once.
    let again = try bursar.run(
      ["record", "-m", stats] + Self.ci, stdin: nil)
    #expect(again.status == 0, "\(again.stderrText)")
    #expect(try RunsFixture.storedFiles(repository).count == 2)
  }

  /// Several `-m NAME=path` query results, each named for the mapping's `result:`.
  @Test func recordsPrometheusResultsNamedOnTheCommandLine() throws {
    let (repository, bursar) = try ImportEndToEndTests.repository(
      mapping: ImportFiles.prometheusMapping, file: "prometheus.yaml")
    let arguments = [
      "good=\(Self.fixtures)/prometheus_range_good.json",
      "total=\(Self.fixtures)/prometheus_range_total.json",
      "latency=\(Self.fixtures)/prometheus_latency.json",
    ]
    let recorded = try bursar.run(
      ["record", "--from", "prometheus"] + arguments.flatMap { ["-m", $0] } + Self.ci)
    #expect(recorded.status == 0, "\(recorded.stderrText)")
    #expect(recorded.stdoutText.contains("(2 figures, production)"), "\(recorded.stdoutText)")
    let lines = try RunsFixture.exported(try bursar.run("export", "--runs"))
    #expect(lines.count == 2)
    #expect(lines.allSatisfy { $0["source_tool"] as? String == "prometheus" })
    #expect(lines.allSatisfy { $0["source_format"] as? String == "json" })
    #expect(lines.allSatisfy { $0["source_file"] as? String == arguments.joined(separator: ", ") })
    let latency = try #require(lines.first { $0["metric"] as? String == "latency_p95" })
    #expect((latency["value"] as? NSNumber)?.doubleValue == 0.087)
    let availability = try #require(lines.first { $0["metric"] as? String == "availability" })
    let total = 2006.0 + 2003.968253968254 + 2004 + 2004
    #expect((availability["good"] as? NSNumber)?.doubleValue == 8002)
    #expect(abs(((availability["total"] as? NSNumber)?.doubleValue ?? 0) - total) < 1e-9)
    let history = try bursar.run("history", "scorer", "availability")
    #expect(history.status == 0, "\(history.stderrText)")
    #expect(
      history.stdoutText.contains("scorer availability (production)"), "\(history.stdoutText)")
    _ = repository
  }

  @Test func badInputExitsTwoAndRecordsNothing() throws {
    let (repository, bursar) = try ImportEndToEndTests.repository(
      mapping: ImportFiles.locustMapping)
    try repository.write(
      path: "cut.csv", contents: "Type,Name,Request Count,Failure Count,95%\nPOST,/score,10\n")
    try repository.write(path: "m.json", contents: RunsFixture.measurements)
    // A commit whose budgets hold no mapping for Locust.
    try repository.git("rm", "-q", ".budgets/imports/locust.yaml")
    try repository.commit(message: "No mapping")
    try repository.git("checkout", "-q", "HEAD~1", "--", ".budgets/imports/locust.yaml")
    let stats = Self.fixtures + "/locust_stats.csv"
    let cases: [([String], String)] = [
      (["--from", "locst", "-m", stats], "did you mean `locust`"),
      (
        ["--from", "locust", "-m", stats],
        "no import mapping for locust in the budgets of revision HEAD"
      ),
      (
        ["--from", "locust", "-m", stats, "--commit", "HEAD~1", "--mapping", "imports/none.yaml"],
        "--mapping imports/none.yaml is not a `kind: Import` file of the budgets of revision HEAD~1"
      ),
      (["--from", "locust", "-m", "cut.csv", "--commit", "HEAD~1"], "cut.csv:2:"),
      (
        ["--from", "prometheus", "-m", Self.fixtures + "/prometheus_matrix_inf.json"],
        "$.data.result[0].values[0][1] is `+Inf`"
      ),
      (
        ["-m", "m.json", "--mapping", "imports/locust.yaml"], "--mapping applies to a tool's output"
      ),
      (["-m", "m.json", "-m", stats], "the -m files were written by different tools"),
      (["--from", "locust", "-m", "missing.csv", "--commit", "HEAD~1"], "cannot read missing.csv"),
    ]
    for (arguments, words) in cases {
      let result = try bursar.run(["record"] + arguments + Self.ci)
      #expect(result.status == 2, "\(arguments): \(result.stdoutText)")
      #expect(result.stderrText.contains(words), "\(arguments): \(result.stderrText)")
      #expect(!Self.hasRuns(repository), "\(arguments)")
    }
    // The commit with the mapping records it.
    let recorded = try bursar.run(
      ["record", "--from", "locust", "-m", stats, "--commit", "HEAD~1"] + Self.ci)
    #expect(recorded.status == 0, "\(recorded.stderrText)")
    #expect(Self.hasRuns(repository))
  }
}
