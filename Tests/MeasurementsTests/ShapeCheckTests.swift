import BudgetKit
import Foundation
import Measurements
import TestSupport
import Testing

/// The verdicts of the later metric shapes, with figures worked out by hand.
@Suite struct ShapeCheckTests {
  static let budget = """
    version: 1
    kind: Budget
    name: shapes
    owner: ml-eng
    metrics:
      precision:      { dimension: quality, baseline: 0.96, max_drop: 2% }
      latency_p95:    { dimension: latency, baseline: 80ms, max_rise: 25%, parts: [extract_ms, infer_ms] }
      extract_ms:     { dimension: latency, max: 20ms }
      infer_ms:       { dimension: latency, max: 70ms }
      accuracy_7d:    { dimension: quality, min: 0.92, window: 7d }
      fpr_gap:        { dimension: quality, across: merchant_type, max_difference: 3% }
      approval_ratio: { dimension: quality, across: region, min_ratio: 0.8, method: to_overall }
      amount_drift:   { dimension: quality, drift: ks, min_samples: 5 }
      spend:          { dimension: cost, max: 12000 USD, period: month }
    environments:
      staging:
        precision: { baseline: 0.94 }
    """

  static let exception = """
    version: 1
    kind: Exception
    id: EXC-2026-020
    budget: shapes
    metrics:
      fpr_gap: { max_difference: 4% }
    reason: A merchant type is being relabelled.
    starts: 2026-11-20
    expires: 2026-11-30
    """

  static func check(
    _ figures: String, on day: String = "2026-11-25T12:00:00Z", environment: EnvironmentName? = nil,
    exception: Bool = false, owners: String? = nil
  ) throws -> CheckReport {
    var files = [
      ("owners.yaml", owners ?? BudgetFiles.checkOwners), ("models/shapes.yaml", Self.budget),
    ]
    if exception { files.append(("exceptions/gap.yaml", Self.exception)) }
    let tree = BudgetTreeLoader().load(
      files.map { BudgetSourceFile(path: ".budgets/\($0.0)", content: .bytes(Array($0.1.utf8))) })
    #expect(tree.diagnostics.isEmpty, "\(tree.diagnostics)")
    let options = CheckOptions(
      environment: environment, at: Timestamp.parse(day), allowMissing: true)
    return try BudgetChecker(tree: tree, options: options).check(
      CheckFixtures.measurements(CheckFixtures.yaml(figures, budget: "shapes")))
  }

  /// Floor 0.96 × 0.98 = 0.9408: 0.945 is within, 0.94 below.
  @Test func aBaselineRelativeFloor() throws {
    let within = try Self.check("precision: 0.945").result("precision", budget: "shapes")
    #expect(within.verdict == .within)
    #expect(within.shape?.relative?.floor?.baseValue == Decimal(string: "0.9408"))
    let change = try #require(within.shape?.relative?.change)
    #expect(abs(change - (0.945 - 0.96) / 0.96) < 1e-12)
    let below = try Self.check("precision: 0.94").result("precision", budget: "shapes")
    #expect(below.verdict == .breached)
    #expect(below.evaluation?.headroom?.limit.text == "0.9408")
    // Staging's lower baseline loosens the floor to 0.94 × 0.98 = 0.9212.
    let staging = try Self.check("precision: 0.93", environment: "staging")
    #expect(try staging.result("precision", budget: "shapes").verdict == .within)
  }

  /// Ceiling 80ms × 1.25 = 100ms, and the parts' shares of the measured 100ms.
  @Test func aRelativeCeilingAndItsPartsShares() throws {
    let report = try Self.check("latency_p95: 100ms\nextract_ms: 15ms\ninfer_ms: 70ms")
    let whole = try report.result("latency_p95", budget: "shapes")
    #expect(whole.verdict == .within)
    let parts = try #require(whole.shape?.parts)
    #expect(parts.shares.map(\.metric) == ["extract_ms", "infer_ms"])
    #expect(abs((parts.shares[0].share ?? 0) - 0.15) < 1e-12)
    #expect(abs((parts.shares[1].share ?? 0) - 0.70) < 1e-12)
    #expect(abs((parts.unaccounted ?? 0) - 0.15) < 1e-12)
    let missingPart = try Self.check("latency_p95: 101ms\nextract_ms: 15ms")
    let over = try missingPart.result("latency_p95", budget: "shapes")
    #expect(over.verdict == .breached)
    #expect(over.shape?.parts?.shares[1].share == nil)
    #expect(over.shape?.parts?.unaccounted == nil)
  }

  /// The mean of the values in the 7 days ending at the instant checked: (0.93 + 0.94 + 0.95) / 3.
  @Test func aRollingGauge() throws {
    let figures = """
      accuracy_7d:
        times: [2026-11-17T00:00:00Z, 2026-11-19T00:00:00Z, 2026-11-22T00:00:00Z, 2026-11-25T00:00:00Z]
        values: [0.80, 0.93, 0.94, 0.95]
      """
    let result = try Self.check(figures).result("accuracy_7d", budget: "shapes")
    #expect(result.verdict == .within)
    #expect(abs((result.figure?.value ?? 0) - 0.94) < 1e-12)
    #expect(result.shape?.rolling?.count == 3)
    #expect(result.shape?.rolling?.measured == 4)
    // A day later the window starts after 2026-11-19: (0.94 + 0.95) / 2. Eight days earlier
    // only 0.80 is in it: breached.
    let later = try Self.check(figures, on: "2026-11-26T12:00:00Z").result(
      "accuracy_7d", budget: "shapes")
    #expect(abs((later.figure?.value ?? 0) - 0.945) < 1e-12)
    let early = try Self.check(figures, on: "2026-11-18T00:00:00Z").result(
      "accuracy_7d", budget: "shapes")
    #expect(early.verdict == .breached)
    let none = try Self.check(figures, on: "2026-11-10").result("accuracy_7d", budget: "shapes")
    #expect(none.verdict == .insufficient)
    #expect(!none.blocks)
  }

  /// 5.1% − 1.9% = 3.2% between marketplace and online, above 3%; an exception to 4% covers it.
  @Test func aGroupGapNamesItsWorstPair() throws {
    let figures = "fpr_gap:\n  groups: { online: 1.9%, in_store: 2.6%, marketplace: 5.1% }"
    let result = try Self.check(figures).result("fpr_gap", budget: "shapes")
    #expect(result.verdict == .breached)
    let gap = try #require(result.shape?.groupGap)
    #expect(abs((gap.difference ?? 0) - 0.032) < 1e-12)
    #expect(gap.differencePair?.high == "marketplace")
    #expect(gap.differencePair?.low == "online")
    #expect(gap.groups == 3)
    let covered = try Self.check(figures, exception: true).result("fpr_gap", budget: "shapes")
    #expect(covered.verdict == .excepted("EXC-2026-020"))
  }

  /// Counts 80/100, 70/100, 40/100 make an overall 190/300; the worst group to the whole is
  /// the third: 0.4 / (190/300).
  @Test func aRatioToOverallFromCounts() throws {
    let figures = """
      approval_ratio:
        groups:
          north: { count: 80, total: 100 }
          south: { count: 70, total: 100 }
          west: { count: 40, total: 100 }
      """
    let result = try Self.check(figures).result("approval_ratio", budget: "shapes")
    #expect(result.verdict == .breached)
    let gap = try #require(result.shape?.groupGap)
    #expect(abs((gap.ratio ?? 0) - 0.4 / (190.0 / 300.0)) < 1e-12)
    #expect(gap.ratioPair?.low == "west")
    #expect(gap.ratioPair?.high == "overall")
  }

  /// Disjoint samples of 5 are as far apart as 5 can be: D = 1, exact p = 2 / C(10, 5) = 1/126.
  @Test func aDriftTest() throws {
    let drifted = try Self.check(
      "amount_drift:\n  reference: [1, 2, 3, 4, 5]\n  current: [6, 7, 8, 9, 10]"
    ).result("amount_drift", budget: "shapes")
    #expect(drifted.verdict == .breached)
    let drift = try #require(drifted.shape?.drift)
    #expect(drift.statistic == 1)
    #expect(abs((drift.pValue ?? 0) - 2.0 / 252.0) < 1e-12)
    #expect(drifted.bound[.pValue]?.text == "0.05")
    let alike = try Self.check(
      "amount_drift:\n  reference: [1, 2, 3, 4, 5]\n  current: [1.5, 2.5, 3.5, 4.5, 5.5]"
    ).result("amount_drift", budget: "shapes")
    #expect(alike.verdict == .within)
    let few = try Self.check(
      "amount_drift:\n  reference: [1, 2, 3, 4, 5]\n  current: [6, 7, 8]"
    ).result("amount_drift", budget: "shapes")
    #expect(few.verdict == .insufficient)
    #expect(few.shape?.drift?.insufficient == true)
    #expect(!few.blocks)
  }

  /// 9,600 USD by noon on 25 November: 24.5 of 30 days, so 9,600 × 30 / 24.5 ≈ 11,755 for the
  /// month, within 12,000; 10,000 USD projects 12,245, a warning that does not fail the check.
  @Test func aPeriodProjection() throws {
    let result = try Self.check("spend: 9600 USD").result("spend", budget: "shapes")
    #expect(result.verdict == .within)
    let period = try #require(result.shape?.period)
    #expect(abs((period.projected ?? 0) - 9600 * 30 / 24.5) < 1e-6)
    #expect(!period.projectionBreaches)
    let warned = try Self.check("spend: 10000 USD")
    let fast = try warned.result("spend", budget: "shapes")
    #expect(fast.verdict == .within && !fast.blocks)
    #expect(fast.shape?.period?.projectionBreaches == true)
    #expect(!warned.blocks)
    let early = try Self.check("spend: 1000 USD", on: "2026-11-01T00:00:00Z").result(
      "spend", budget: "shapes")
    #expect(early.shape?.period?.projected == nil)
    #expect(early.verdict == .within)
  }

  /// Weights give a composite; a failing dimension decides the verdict; the exit code is the
  /// per-metric one.
  @Test func theCompositeIsForVisibilityOnly() throws {
    let owners = BudgetFiles.checkOwners.replacingOccurrences(
      of: "quality:   { owners: [ml-eng] }", with: "quality:   { owners: [ml-eng], weight: 0.7 }"
    ).replacingOccurrences(
      of: "latency:   { owners: [sre], runbook: docs/runbooks/latency.md }",
      with: "latency:   { owners: [sre], runbook: docs/runbooks/latency.md, weight: 0.3 }")
    let report = try Self.check(
      "precision: 0.90\naccuracy_7d: { times: [2026-11-25T00:00:00Z], values: [0.95] }\nextract_ms: 10ms",
      owners: owners)
    let composite = try #require(report.composite)
    #expect(composite.decidedBy == "quality")
    let quality = try #require(composite.dimensions.first { $0.name == "quality" })
    #expect(quality.health == 0.5)
    #expect(composite.dimensions.first { $0.name == "latency" }?.health == 1)
    #expect(abs((composite.composite ?? 0) - (0.7 * 0.5 + 0.3 * 1) / 1.0) < 1e-12)
    #expect(report.blocks)
    let unweighted = try Self.check("precision: 0.90")
    #expect(unweighted.composite == nil)
  }

  @Test func aFigureOfTheWrongFormIsRefused() {
    #expect(throws: CheckProblems.self) {
      try Self.check("fpr_gap: 3%")
    }
    #expect(throws: CheckProblems.self) {
      try Self.check("precision: { groups: { a: 1, b: 2 } }")
    }
    #expect(throws: CheckProblems.self) {
      try Self.check("amount_drift: 0.3")
    }
  }
}
