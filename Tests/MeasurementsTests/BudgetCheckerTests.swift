import BudgetKit
import Foundation
import Measurements
import Testing

/// Each verdict kind, with values worked out by hand against the fixture tree.
@Suite struct BudgetCheckerTests {
  /// 80ms against `max: 100ms`: 20ms, 20% of the cap, to spare.
  @Test func within() throws {
    let report = try CheckFixtures.check(CheckFixtures.yaml("latency_p95: 80ms"))
    let result = try report.result("latency_p95")
    #expect(result.verdict == .within)
    #expect(!result.blocks)
    let headroom = try #require(result.evaluation?.headroom)
    #expect(headroom.key == .max)
    #expect(abs(headroom.absolute - 0.020) < 1e-12)
    #expect(abs((headroom.relative ?? 0) - 0.2) < 1e-12)
    #expect(headroom.absoluteText == "20ms")
  }

  /// 140ms is beyond the cap and beyond the exception's 130ms: breached, naming owners and runbook.
  @Test func breachedNamesOwnersAndRunbook() throws {
    let report = try CheckFixtures.check(CheckFixtures.yaml("latency_p95: 140ms"))
    let result = try report.result("latency_p95")
    #expect(result.verdict == .breached)
    #expect(result.blocks)
    #expect(report.blocks)
    #expect(result.owners == ["sre"])
    #expect(result.runbook == "docs/runbooks/latency.md")
    #expect(result.evaluation?.headroom?.absoluteText == "-40ms")
    #expect(result.evaluation?.headroom?.relative.map { abs($0 + 0.4) < 1e-12 } == true)
  }

  /// 112ms breaches 100ms and fits the exception's 130ms while it is in force.
  @Test(arguments: ["2026-11-20", "2026-11-25", "2026-12-08T23:59:59Z"])
  func exceptedWhileInForce(day: String) throws {
    let report = try CheckFixtures.check(CheckFixtures.yaml("latency_p95: 112ms"), on: day)
    let result = try report.result("latency_p95")
    #expect(result.verdict == .excepted("EXC-2026-011"))
    #expect(!result.blocks)
    #expect(result.coveredBy?.exception.id.value == "EXC-2026-011")
    #expect(result.coveredBy?.evaluation.headroom?.absoluteText == "18ms")
    #expect(!report.blocks)
  }

  /// Before it starts and after it expires, the exception covers nothing.
  @Test(arguments: ["2026-11-19T23:59:59Z", "2026-12-09"])
  func outOfForceExceptionCoversNothing(day: String) throws {
    let report = try CheckFixtures.check(CheckFixtures.yaml("latency_p95: 112ms"), on: day)
    let result = try report.result("latency_p95")
    #expect(result.verdict == .breached)
    #expect(result.inactiveExceptions.map(\.id.value) == ["EXC-2026-011"])
  }

  /// The expired precision exception (min 0.90) does not save 0.93 against min 0.95.
  @Test func expiredExceptionCoversNothing() throws {
    let report = try CheckFixtures.check(CheckFixtures.yaml("precision: 0.93"))
    let result = try report.result("precision")
    #expect(result.verdict == .breached)
    #expect(result.owners == ["ml-eng"])
    #expect(result.runbook == nil)
    #expect(result.inactiveExceptions.map(\.id.value) == ["EXC-2026-003"])
  }

  /// Exceptions are per environment: in staging the cap is 150ms and the exception does not apply.
  @Test func environmentOverride() throws {
    let report = try CheckFixtures.check(
      CheckFixtures.yaml("latency_p95: 140ms"), environment: "staging")
    #expect(try report.result("latency_p95").verdict == .within)
    let breached = try CheckFixtures.check(
      CheckFixtures.yaml("latency_p95: 155ms"), environment: "staging")
    let result = try breached.result("latency_p95")
    #expect(result.verdict == .breached)
    #expect(result.inactiveExceptions.isEmpty)
  }

  /// A measured budget's metrics without a figure are missing, and fail unless allowed.
  @Test func missingFailsUnlessAllowed() throws {
    let text = CheckFixtures.yaml("latency_p95: 80ms")
    let strict = try CheckFixtures.check(text, allowMissing: false)
    #expect(strict.results.count == 6)
    #expect(try strict.result("memory").verdict == .missing)
    #expect(try strict.result("memory").blocks)
    #expect(strict.count(.missing) == 5)
    #expect(strict.blocks)
    let lenient = try CheckFixtures.check(text, allowMissing: true)
    #expect(try lenient.result("memory").verdict == .missing)
    #expect(!lenient.blocks)
  }

  /// Budgets the file does not mention are not judged.
  @Test func unmentionedBudgetsAreNotJudged() throws {
    let report = try CheckFixtures.check(
      CheckFixtures.yaml("throughput: 1600/s\nfpr: 2%", budget: "search-ranking"))
    #expect(report.results.map(\.budget.rawValue) == ["search-ranking", "search-ranking"])
    #expect(report.results.allSatisfy { $0.verdict == .within })
  }

  /// A band binds on its nearer side: 2.5% sits 0.5 points under the 3% ceiling (1/6 of it).
  @Test func bandHeadroomIsTheNearerSide() throws {
    let report = try CheckFixtures.check(
      CheckFixtures.yaml("throughput: 1600/s\nfpr: 2.5%", budget: "search-ranking"))
    let headroom = try #require(
      try report.result("fpr", budget: "search-ranking").evaluation?.headroom)
    #expect(headroom.key == .max)
    #expect(headroom.absoluteText == "0.5%")
    let floor = try CheckFixtures.check(
      CheckFixtures.yaml("throughput: 1600/s\nfpr: 0.5%", budget: "search-ranking"))
    let below = try floor.result("fpr", budget: "search-ranking")
    #expect(below.verdict == .breached)
    #expect(below.evaluation?.headroom?.key == .min)
    #expect(below.evaluation?.headroom?.absoluteText == "-0.5%")
  }

  /// A value equal to its limit is within it, compared exactly.
  @Test func equalToTheLimitIsWithin() throws {
    let report = try CheckFixtures.check(CheckFixtures.yaml("latency_p95: 0.1s\nprecision: 95%"))
    #expect(try report.result("latency_p95").verdict == .within)
    #expect(try report.result("precision").verdict == .within)
  }

  @Test func atComesFromTheFileUnlessOverridden() throws {
    let text =
      "version: 1\nkind: Measurements\nat: 2026-12-09\nvalues:\n  fraud-detector:\n    latency_p95: 112ms\n"
    let options = CheckOptions(allowMissing: true)
    let fromFile = try BudgetChecker(tree: try CheckFixtures.tree(), options: options).check(
      CheckFixtures.measurements(text))
    #expect(fromFile.day.description == "2026-12-09")
    #expect(try fromFile.result("latency_p95").verdict == .breached)
    let overridden = try CheckFixtures.check(text, on: "2026-11-25")
    #expect(try overridden.result("latency_p95").verdict == .excepted("EXC-2026-011"))
  }
}
