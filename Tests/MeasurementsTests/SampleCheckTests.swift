import BudgetKit
import Measurements
import Testing

/// Percentile metrics computed from raw samples inside a check.
@Suite struct SampleCheckTests {
  /// Samples 15, 20, 35, 40, 50ms feed both latency_p95 and latency_p99.
  static let text = CheckFixtures.yaml("latency: { samples: [35, 50, 15, 40, 20], unit: ms }")

  /// Linear: p95 = 48ms (h = 3.8), p99 = 49.6ms (h = 3.96).
  @Test func linear() throws {
    let report = try CheckFixtures.check(Self.text)
    let p95 = try report.result("latency_p95")
    #expect(p95.figure?.text == "48ms")
    #expect(p95.evaluation?.headroom?.absoluteText == "52ms")
    #expect(try report.result("latency_p99").figure?.text == "49.6ms")
    guard case .samples(let name, let statistic, let method, let count) = p95.figure?.source else {
      Issue.record("not from samples")
      return
    }
    #expect(name == "latency")
    #expect(statistic == .percentile(95))
    #expect(method == .linear)
    #expect(count == 5)
  }

  /// Nearest rank: p95 and p99 are both the largest sample, 50ms.
  @Test func nearestRank() throws {
    let report = try CheckFixtures.check(Self.text, method: .nearestRank)
    #expect(try report.result("latency_p95").figure?.text == "50ms")
    #expect(try report.result("latency_p99").figure?.text == "50ms")
  }

  /// A metric's own figure wins over the samples it could be computed from.
  @Test func ownFigureWins() throws {
    let report = try CheckFixtures.check(
      CheckFixtures.yaml("latency_p95: 70ms\nlatency: { samples: [35, 50, 15, 40, 20], unit: ms }"))
    #expect(try report.result("latency_p95").figure?.text == "70ms")
    #expect(try report.result("latency_p99").figure?.text == "49.6ms")
  }

  /// The same samples from CSV and JSON give the same figures.
  @Test func csvAndJSONSamples() throws {
    let csv =
      "budget,metric,sample,unit\n"
      + [35, 50, 15, 40, 20].map { "fraud-detector,latency,\($0),ms" }.joined(separator: "\n")
    let json = """
      {"version": 1, "kind": "Measurements", "values": {"fraud-detector": {"latency": {"samples": [35, 50, 15, 40, 20], "unit": "ms"}}}}
      """
    for (text, format) in [(csv, MeasurementsFormat.csv), (json, .json)] {
      let report = try CheckFixtures.check(text, format: format)
      #expect(try report.result("latency_p95").figure?.text == "48ms")
    }
  }
}

/// SLO metrics judged from a summary SLI or a series, with exceptions on the objective.
@Suite struct SLOCheckTests {
  /// 99.95% against 99.9%: within, half the error budget left.
  @Test func summaryWithin() throws {
    let result = try CheckFixtures.check(CheckFixtures.yaml("availability: 99.95%")).result(
      "availability")
    #expect(result.verdict == .within)
    #expect(result.evaluation?.errorBudget?.spent == 0.5)
    #expect(result.evaluation?.headroom?.absoluteText == "50% of the error budget")
  }

  /// 99.8% spends twice the budget: breached.
  @Test func summaryBreached() throws {
    let result = try CheckFixtures.check(CheckFixtures.yaml("availability: 0.998")).result(
      "availability")
    #expect(result.verdict == .breached)
    #expect(result.evaluation?.headroom?.absoluteText == "-100% of the error budget")
  }

  /// A page blocks even within the budget: an hour at 2% errors after a clean day.
  @Test func pageBlocksWithinBudget() throws {
    let bad = Array(repeating: "0", count: 276) + Array(repeating: "20", count: 12)
    let good = bad.map { String(1000 - Int($0)!) }.joined(separator: ", ")
    let total = Array(repeating: "1000", count: bad.count).joined(separator: ", ")
    let text = CheckFixtures.yaml(
      "availability: { bucket: 5m, good: [\(good)], total: [\(total)] }")
    let result = try CheckFixtures.check(text).result("availability")
    // 240 bad of 288,000 over the day the series covers: 83.3% of the budget spent.
    let budget = try #require(result.evaluation?.errorBudget)
    #expect(abs(budget.spent - 240.0 / 288) < 1e-9)
    #expect(budget.alert == .page)
    #expect(result.evaluation?.breached == false)
    #expect(result.verdict == .breached)
    #expect(result.blocks)
    #expect(result.figure?.text == "99.9167%")
  }
}
