import Foundation
import TestSupport
import Testing

/// `bursar check` run as a binary against real temporary git repositories.
@Suite struct CheckEndToEndTests {
  let repository: TemporaryRepository
  let bursar: BursarRunner

  init() throws {
    repository = try CheckFixtureRepository.make()
    bursar = BursarRunner(repository: repository)
  }

  func write(_ name: String, _ text: String) throws {
    try repository.write(path: name, contents: text)
  }

  @Test func allWithinExitsZero() throws {
    try write("m.yaml", CheckFixtureRepository.measurements(CheckFixtureRepository.healthy))
    let result = try bursar.run("check", "--env", "production", "--measurements", "m.yaml")
    #expect(result.status == 0, "\(result.stderrText)")
    #expect(result.stdoutText.contains("latency_p95   80ms"))
    #expect(result.stdoutText.contains("20ms (20%)"))
    #expect(result.stdoutText.contains("pass: 5 within"))
  }

  @Test func breachExitsOneNamingOwnersAndRunbook() throws {
    try write(
      "m.yaml",
      CheckFixtureRepository.measurements(
        CheckFixtureRepository.healthy.replacingOccurrences(
          of: "latency_p99: 150ms", with: "latency_p99: 250ms")))
    let result = try bursar.run("check", "-m", "m.yaml")
    #expect(result.status == 1)
    #expect(result.stdoutText.contains("250ms is above max 200ms by 50ms (25%)"))
    #expect(result.stdoutText.contains("owners (latency): sre"))
    #expect(result.stdoutText.contains("runbook: docs/runbooks/latency.md"))
    #expect(result.stdoutText.contains("fail: 1 breached, 4 within"))
  }

  @Test func exceptionInForceCoversAndExpiredDoesNot() throws {
    let figures = CheckFixtureRepository.healthy.replacingOccurrences(
      of: "latency_p95: 80ms", with: "latency_p95: 112ms")
    try write("m.yaml", CheckFixtureRepository.measurements(figures))
    let covered = try bursar.run("check", "-m", "m.yaml")
    #expect(covered.status == 0)
    #expect(covered.stdoutText.contains("excepted EXC-7"))
    #expect(
      covered.stdoutText.contains(
        "covered by EXC-7 (max 130ms, 18ms (13.8%) to spare, until 2026-12-08)"))
    let expired = try bursar.run("check", "-m", "m.yaml", "--at", "2026-12-09")
    #expect(expired.status == 1)
    #expect(expired.stdoutText.contains("EXC-7 expired 2026-12-08, so it covers nothing"))
  }

  @Test func missingFailsUnlessAllowed() throws {
    try write("m.yaml", CheckFixtureRepository.measurements("latency_p95: 80ms"))
    let strict = try bursar.run("check", "-m", "m.yaml")
    #expect(strict.status == 1)
    #expect(strict.stdoutText.contains("fail: 4 missing, 1 within"))
    let lenient = try bursar.run("check", "-m", "m.yaml", "--allow-missing")
    #expect(lenient.status == 0)
    #expect(lenient.stdoutText.contains("pass: 4 missing, 1 within (missing allowed)"))
  }

  @Test func jsonReport() throws {
    try write("m.yaml", CheckFixtureRepository.measurements(CheckFixtureRepository.healthy))
    let result = try bursar.run("check", "-m", "m.yaml", "--format", "json")
    #expect(result.status == 0)
    let document = try #require(
      try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
    #expect(document["verdict"] as? String == "pass")
    #expect(document["environment"] as? String == "production")
    #expect(document["day"] as? String == "2026-11-25")
    let results = try #require(document["results"] as? [[String: Any]])
    #expect(results.count == 5)
    let latency = try #require(results.first)
    #expect(latency["metric"] as? String == "latency_p95")
    #expect(latency["verdict"] as? String == "within")
    let headroom = try #require(latency["headroom"] as? [String: Any])
    #expect(headroom["absolute"] as? String == "20ms")
    #expect(headroom["relative"] as? Double == 0.2)
    let measured = try #require(latency["measured"] as? [String: Any])
    #expect(measured["value"] as? Double == 0.08)
    #expect(measured["line"] as? Int == 6)
  }

  @Test func markdownReport() throws {
    try write("m.yaml", CheckFixtureRepository.measurements(CheckFixtureRepository.healthy))
    let result = try bursar.run("check", "-m", "m.yaml", "--format", "markdown")
    #expect(result.stdoutText.hasPrefix("### ✅ bursar check: pass: 5 within"))
    #expect(
      result.stdoutText.contains(
        "| scorer | latency_p95 | 80ms | max 100ms | 20ms (20%) | ✅ within |"))
  }

  @Test func junitReportIsOneTestCasePerMetric() throws {
    try write(
      "m.yaml", CheckFixtureRepository.measurements("latency_p95: 140ms\nlatency_p99: 150ms"))
    let result = try bursar.run("check", "-m", "m.yaml", "--format", "junit", "--allow-missing")
    #expect(result.status == 1)
    let xml = result.stdoutText
    #expect(xml.components(separatedBy: "<testcase ").count - 1 == 5)
    #expect(
      xml.contains(
        "<testsuites name=\"bursar check\" tests=\"5\" failures=\"1\" errors=\"0\" skipped=\"3\">"))
    #expect(
      xml.contains("<failure type=\"breached\" message=\"140ms is above max 100ms by 40ms (40%)\">")
    )
    #expect(XMLWellFormedness.check(result.stdout))
  }

  @Test func samplesFromCSVOnStandardInput() throws {
    // p95 of 1…100ms (linear): h = 99 · 0.95 = 94.05, so 95 + 0.05 = 95.05ms.
    let rows = (1...100).map { "scorer,latency,\($0),ms" }.joined(separator: "\n")
    let csv = "budget,metric,sample,unit\n\(rows)\n"
    let result = try bursar.run(
      ["check", "-m", "-", "--allow-missing", "--at", "2026-11-25"], stdin: Data(csv.utf8))
    #expect(result.status == 0, "\(result.stderrText)")
    #expect(result.stdoutText.contains("latency_p95   95.05ms"))
    #expect(result.stdoutText.contains("p95 of 100 samples of `latency`, linear"))
    let nearest = try bursar.run(
      [
        "check", "-m", "-", "--allow-missing", "--at", "2026-11-25", "--percentile-method",
        "nearest-rank",
      ],
      stdin: Data(csv.utf8))
    #expect(nearest.stdoutText.contains("latency_p95   95ms"))
  }

  @Test func fastBurnPagesAndACustomRuleDoesNot() throws {
    // A day of 5-minute buckets of 1,000 events; the last hour at 20 bad per 1,000: 20× over
    // 1h and 5m, above 14.4, while 83% of the budget is spent over the day covered.
    let bad = Array(repeating: 0, count: 276) + Array(repeating: 20, count: 12)
    let good = bad.map { String(1000 - $0) }.joined(separator: ", ")
    let total = bad.map { _ in "1000" }.joined(separator: ", ")
    let json = """
      {"version": 1, "kind": "Measurements", "at": "2026-11-25T10:00:00Z",
       "values": {"scorer": {"availability": {"bucket": "5m", "good": [\(good)], "total": [\(total)]}}}}
      """
    try write("m.json", json)
    let paged = try bursar.run("check", "-m", "m.json", "--allow-missing")
    #expect(paged.status == 1)
    #expect(
      paged.stdoutText.contains(
        "burn rates 5m 20× · 30m 20× · 1h 20× · 6h 3.33× · 3d 0.833× (1d of 3d covered) → page"
      ))
    #expect(
      paged.stdoutText.contains("burning 20× over 1h and 20× over 5m (1h/5m above 14.4×): page"))
    let relaxed = try bursar.run(
      "check", "-m", "m.json", "--allow-missing", "--burn-rule", "1h/5m:25:page")
    #expect(relaxed.status == 0)
  }

  @Test func budgetsAtARevision() throws {
    // The work tree loosens latency_p99 from 200ms to 250ms; the commit does not.
    try write("m.yaml", CheckFixtureRepository.measurements("latency_p99: 220ms"))
    try write(
      ".budgets/models/scorer.yaml",
      CheckFixtureRepository.budget.replacingOccurrences(of: "max: 200ms", with: "max: 250ms"))
    let workTree = try bursar.run("check", "-m", "m.yaml", "--allow-missing")
    #expect(workTree.status == 0)
    let committed = try bursar.run("check", "-m", "m.yaml", "--allow-missing", "--rev", "HEAD")
    #expect(committed.status == 1)
    #expect(committed.stdoutText.contains("budgets in revision HEAD"))
  }
}

/// What stops a check with exit 2: unreadable input, unknown names, an invalid tree.
@Suite struct CheckRefusalEndToEndTests {
  let repository: TemporaryRepository
  let bursar: BursarRunner

  init() throws {
    repository = try CheckFixtureRepository.make()
    bursar = BursarRunner(repository: repository)
  }

  @Test func invalidMeasurementsNameFileAndLine() throws {
    try repository.write(
      path: "m.yaml",
      contents: CheckFixtureRepository.measurements("latency_p95: 80ms\nmemory: lots"))
    let result = try bursar.run("check", "-m", "m.yaml")
    #expect(result.status == 2)
    #expect(
      result.stderrText.contains(
        "m.yaml:7:13: `memory` of `scorer` is `lots`, which is not a quantity"))
    #expect(result.stdout.isEmpty)
  }

  @Test func unitMismatchNamesTheMetric() throws {
    try repository.write(
      path: "m.yaml", contents: CheckFixtureRepository.measurements("memory: 300ms"))
    let result = try bursar.run("check", "-m", "m.yaml")
    #expect(result.status == 2)
    #expect(
      result.stderrText.contains(
        "m.yaml:6:13: `memory` of `scorer` is measured as `300ms` (duration), but its budget is set in bytes (max: 2GiB)"
      ))
  }

  @Test func unknownEnvironment() throws {
    try repository.write(
      path: "m.yaml", contents: CheckFixtureRepository.measurements("memory: 1GiB"))
    let result = try bursar.run("check", "-m", "m.yaml", "--env", "qa")
    #expect(result.status == 2)
    #expect(
      result.stderrText
        == "bursar: unknown environment `qa`; the budgets define `production`, `staging`\n")
  }

  @Test func invalidBudgetsTree() throws {
    try repository.write(
      path: ".budgets/models/broken.yaml", contents: "version: 1\nkind: Budget\nname: broken\n")
    try repository.write(
      path: "m.yaml", contents: CheckFixtureRepository.measurements("memory: 1GiB"))
    let result = try bursar.run("check", "-m", "m.yaml")
    #expect(result.status == 2)
    #expect(result.stderrText.contains(".budgets/models/broken.yaml:1:1: error[missing-key]"))
    #expect(result.stderrText.contains("the budgets in the work tree are invalid"))
  }

  @Test func missingFileAndBadArguments() throws {
    let missing = try bursar.run("check", "-m", "nowhere.json")
    #expect(missing.status == 2)
    #expect(missing.stderrText == "bursar: cannot read nowhere.json: no such file\n")
    let badDate = try bursar.run("check", "-m", "nowhere.json", "--at", "soon")
    #expect(badDate.status == 2)
    let badRule = try bursar.run("check", "-m", "nowhere.json", "--burn-rule", "5m/1h:2:page")
    #expect(badRule.status == 2)
    #expect(badRule.stderrText.contains("the short window is longer than the long one"))
  }
}
