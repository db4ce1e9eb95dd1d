import Foundation
import TestSupport
import Testing

/// A burn-rate rule whose long window the series barely covers does not fire, and every format
/// says how much of each window the series covered.
struct BurnRateCoverageEndToEndTests {
  /// Two 5-minute buckets of 10,000 events with 69 bad each: 6.9× over every window. The SLI of
  /// what the series covers, 99.31%, misses the 99.9% objective (a breach, as before), but no
  /// rule pages on ten minutes.
  static let measurements = """
    {"version": 1, "kind": "Measurements", "at": "2026-11-25T10:00:00Z",
     "values": {"scorer": {"availability": {"bucket": "5m", "good": [9931, 9931], "total": [10000, 10000]}}}}
    """

  static func run(_ format: String) throws -> ProcessResult {
    let repository = try CheckFixtureRepository.make()
    try repository.write(path: "m.json", contents: measurements)
    return try BursarRunner(repository: repository).run(
      "check", "-m", "m.json", "--allow-missing", "--format", format)
  }

  @Test func twoBucketsDoNotPageAndTheTextSaysWhatTheyCover() throws {
    let result = try Self.run("text")
    let text = result.stdoutText
    #expect(result.status == 1, "\(text)")
    #expect(!text.contains(": page"), "\(text)")
    #expect(!text.contains("→ page"), "\(text)")
    #expect(text.contains("→ ok"), "\(text)")
    #expect(text.contains("6h 6.9× (10m of 6h covered)"), "\(text)")
    #expect(
      text.contains(
        "6h/30m:6:page not judged: the series covers 10m of 6h (2.78%), less than 90%"), "\(text)")
  }

  @Test func markdownAndJUnitCarryTheCoverage() throws {
    let markdown = try Self.run("markdown")
    #expect(markdown.status == 1)
    #expect(markdown.stdoutText.contains("(10m of 6h covered)"), "\(markdown.stdoutText)")
    let junit = try Self.run("junit")
    #expect(junit.status == 1)
    #expect(junit.stdoutText.contains("6h/30m:6:page not judged"), "\(junit.stdoutText)")
  }

  @Test func jsonCarriesTheCoverageOfEachWindow() throws {
    let result = try Self.run("json")
    #expect(result.status == 1)
    let document = try #require(
      try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
    let results = try #require(document["results"] as? [[String: Any]])
    let availability = try #require(results.first { $0["metric"] as? String == "availability" })
    let budget = try #require(availability["error_budget"] as? [String: Any])
    #expect(budget["firing"] as? [String] == [])
    #expect(budget["alert"] as? String == "ok")
    #expect(
      budget["unjudged"] as? [String] == ["1h/5m:14.4:page", "6h/30m:6:page", "3d/6h:1:warn"])
    let rates = try #require(budget["burn_rates"] as? [[String: Any]])
    let sixHours = try #require(rates.first { $0["window"] as? String == "6h" })
    #expect(sixHours["covered_seconds"] as? Double == 600)
    #expect(abs((sixHours["coverage"] as? Double ?? 0) - 600.0 / 21_600) < 1e-9)
  }

  /// A clean short series is within, and the comment still says what it covered.
  @Test func markdownNotesTheCoverageOfAWithinResult() throws {
    let repository = try CheckFixtureRepository.make()
    try repository.write(
      path: "m.json",
      contents: Self.measurements.replacingOccurrences(of: "9931, 9931", with: "10000, 10000"))
    let result = try BursarRunner(repository: repository).run(
      "check", "-m", "m.json", "--allow-missing", "--format", "markdown")
    #expect(result.status == 0, "\(result.stdoutText)")
    #expect(result.stdoutText.contains("(10m of 6h covered)"), "\(result.stdoutText)")
    #expect(result.stdoutText.contains("6h/30m:6:page not judged"), "\(result.stdoutText)")
  }
}
