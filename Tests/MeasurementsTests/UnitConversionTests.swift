import BudgetKit
import Measurements
import Testing

/// Figures in any unit of their metric's family are converted before they are compared.
@Suite struct UnitConversionTests {
  struct Case: Sendable, CustomStringConvertible {
    var figure: String
    var metric: String
    var verdict: CheckVerdict
    var headroom: String
    var description: String { figure }
  }

  static let cases: [Case] = [
    // 0.09s = 90ms against 100ms.
    Case(figure: "latency_p95: 0.09s", metric: "latency_p95", verdict: .within, headroom: "10ms"),
    // 90,000us = 90ms.
    Case(figure: "latency_p95: 90000us", metric: "latency_p95", verdict: .within, headroom: "10ms"),
    // 1.5GiB against 2GiB: 0.5GiB to spare.
    Case(figure: "memory: 1.5GiB", metric: "memory", verdict: .within, headroom: "0.5GiB"),
    // 1536MiB is 1.5GiB.
    Case(figure: "memory: 1536MiB", metric: "memory", verdict: .within, headroom: "0.5GiB"),
    // 2148MB = 2,148,000,000 B > 2GiB = 2,147,483,648 B by 516,352 B = 0.00048089…GiB.
    Case(
      figure: "memory: 2148MB", metric: "memory", verdict: .breached, headroom: "-0.00048089GiB"),
    // 96% against min 0.95: 0.01 above the floor.
    Case(figure: "precision: 96%", metric: "precision", verdict: .within, headroom: "0.01"),
    // 0.5 USD against 0.40 USD.
    Case(
      figure: "cost_per_1k: 0.5 USD", metric: "cost_per_1k", verdict: .breached,
      headroom: "-0.1 USD"),
  ]

  @Test(arguments: cases)
  func converted(_ example: Case) throws {
    let report = try CheckFixtures.check(CheckFixtures.yaml(example.figure))
    let result = try report.result(example.metric)
    #expect(result.verdict == example.verdict)
    #expect(result.evaluation?.headroom?.absoluteText == example.headroom)
  }

  /// 90,000/min is 1,500/s: exactly the floor, so within, with nothing to spare.
  @Test func rates() throws {
    let report = try CheckFixtures.check(
      CheckFixtures.yaml("throughput: 90000/min\nfpr: 2%", budget: "search-ranking"))
    let result = try report.result("throughput", budget: "search-ranking")
    #expect(result.verdict == .within)
    #expect(result.evaluation?.headroom?.absoluteText == "0/s")
  }

  /// Samples in microseconds judged against a cap in milliseconds: p95 of 40,000…140,000us.
  @Test func samplesInAnotherUnit() throws {
    // Eleven samples 40,000, 50,000 … 140,000us; p95 (linear): h = 10 · 0.95 = 9.5, so
    // 130,000 + 0.5 · 10,000 = 135,000us = 135ms, above 100ms by 35ms.
    let samples = (0...10).map { String(40_000 + 10_000 * $0) }.joined(separator: ", ")
    let report = try CheckFixtures.check(
      CheckFixtures.yaml("latency: { samples: [\(samples)], unit: us }"))
    let result = try report.result("latency_p95")
    #expect(result.figure?.text == "135000us")
    #expect(result.verdict == .breached)
    #expect(result.evaluation?.headroom?.absoluteText == "-35ms")
  }
}
