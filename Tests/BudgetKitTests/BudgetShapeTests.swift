import Testing

@testable import BudgetKit

/// The later shapes of metric: each valid form reads without a problem, into the model, and
/// each mistake is the rule it should be.
struct BudgetShapeTests {
  static func budget(_ metrics: String, tail: String = "") -> String {
    RuleExample.budget(metrics, tail: tail)
  }

  static func tree(_ metrics: String, tail: String = "") -> BudgetTree {
    TreeFixture.load([RuleExample.file: budget(metrics, tail: tail)])
  }

  static func metric(_ name: String, in tree: BudgetTree) -> Metric? {
    tree.budgets.first { $0.name.value == "extra" }?.metrics[MetricName(name)]
  }

  static let valid = [
    "  accuracy: { dimension: quality, baseline: 0.95, max_drop: 8% }",
    "  latency_p95: { dimension: latency, baseline: 80ms, max_rise: 25% }",
    "  precision: { dimension: quality, baseline: 0.96, max_drop: 2%, max: 0.99 }",
    "  accuracy_7d: { dimension: quality, min: 0.92, window: 7d }",
    "  p95_day: { dimension: latency, max: 150ms, window: 24h, statistic: max }",
    "  vs_base: { dimension: quality, baseline: 0.95, max_drop: 8%, window: 7d }",
    "  fpr_gap: { dimension: quality, across: merchant_type, max_difference: 3% }",
    "  ratio: { dimension: quality, across: region, min_ratio: 0.8, method: to_overall }",
    "  both: { dimension: quality, across: region, min_ratio: 0.8, max_difference: 5% }",
    "  amount_drift: { dimension: quality, drift: ks }",
    "  country_drift: { dimension: quality, drift: ks, p_value: 0.01, min_samples: 200, reference: measurements }",
    "  spend: { dimension: quality, max: 12000 USD, period: month }",
    "  serve_ms: { dimension: latency, max: 120ms, parts: [a_ms, b_ms] }\n  a_ms: { dimension: latency, max: 20ms }\n  b_ms: { dimension: latency, max: 0.1s }",
  ]

  @Test(arguments: valid)
  func aValidShapeReadsWithoutProblems(_ metrics: String) {
    #expect(Self.tree(metrics).diagnostics.isEmpty, "\(Self.tree(metrics).diagnostics)")
  }

  @Test func relativeBoundsResolveToAbsoluteLimits() throws {
    let tree = Self.tree(Self.valid[0] + "\n" + Self.valid[1])
    let accuracy = try #require(Self.metric("accuracy", in: tree))
    #expect(accuracy.bound.baseline?.text == "0.95")
    #expect(accuracy.bound.relativeFloor?.baseValue == 0.874)
    #expect(accuracy.bound.resolved.min?.baseValue == 0.874)
    #expect(accuracy.bound.resolved.baseline == nil)
    #expect(accuracy.bound.baselineRaises == .tighten)
    let latency = try #require(Self.metric("latency_p95", in: tree))
    #expect(latency.bound.resolved.max?.baseValue == 0.1)
    #expect(latency.bound.resolved.max?.text == "100ms")
    #expect(latency.bound.baselineRaises == .loosen)
  }

  @Test func shapeFieldsReadIntoTheModel() throws {
    let tree = Self.tree(Self.valid.joined(separator: "\n"))
    #expect(tree.diagnostics.isEmpty, "\(tree.diagnostics)")
    let gap = try #require(Self.metric("ratio", in: tree))
    #expect(gap.shape.across?.value == "region")
    #expect(gap.shape.gapMethod == .toOverall)
    #expect(gap.bound[.minRatio]?.baseValue == 0.8)
    let drift = try #require(Self.metric("country_drift", in: tree))
    #expect(drift.shape.drift?.value == .ks)
    #expect(drift.bound[.pValue]?.baseValue == 0.01)
    #expect(drift.bound[.minSamples]?.baseValue == 200)
    #expect(Self.metric("amount_drift", in: tree)?.shape.driftReference == .measurements)
    let day = try #require(Self.metric("p95_day", in: tree))
    #expect(day.bound.isRollingGauge && day.shape.windowStatistic == .max)
    #expect(Self.metric("accuracy_7d", in: tree)?.shape.windowStatistic == .mean)
    #expect(Self.metric("spend", in: tree)?.shape.period?.value == .month)
    #expect(Self.metric("serve_ms", in: tree)?.shape.partNames == ["a_ms", "b_ms"])
    #expect(Self.metric("accuracy", in: tree)?.shape.isEmpty == true)
  }

  static let mistakes: [(String, RuleID)] = [
    ("  a: { dimension: quality, max_drop: 8% }", .boundShape),
    ("  a: { dimension: quality, baseline: 0.95 }", .boundShape),
    ("  a: { dimension: quality, baseline: 0.95, max_drop: 8%, min: 0.9 }", .boundShape),
    ("  a: { dimension: latency, baseline: 80ms, max_rise: 8%, max: 90ms }", .boundShape),
    ("  a: { dimension: quality, min: 95% of baseline }", .quantitySyntax),
    ("  a: { dimension: quality, baseline: 0.95, max_drop: 8ms }", .unitMismatch),
    ("  a: { dimension: quality, baseline: 80ms, max_drop: 8%, max: 0.99 }", .unitMismatch),
    ("  a: { dimension: quality, baseline: 0, max_drop: 8% }", .baselineZero),
    ("  a: { dimension: quality, max_difference: 3% }", .boundShape),
    ("  a: { dimension: quality, across: region }", .boundShape),
    ("  a: { dimension: quality, across: region, max_difference: 3%, max: 5% }", .boundShape),
    ("  a: { dimension: quality, across: region, min_ratio: 0.8, method: worst }", .wrongType),
    ("  a: { dimension: quality, method: to_overall, max: 3% }", .boundShape),
    ("  a: { dimension: quality, drift: ks, max: 3% }", .boundShape),
    ("  a: { dimension: quality, p_value: 0.05 }", .boundShape),
    ("  a: { dimension: quality, drift: chi2 }", .wrongType),
    ("  a: { dimension: quality, drift: ks, p_value: 0 }", .ratioRange),
    ("  a: { dimension: quality, drift: ks, p_value: 5 }", .ratioRange),
    ("  a: { dimension: quality, drift: ks, min_samples: 2.5 }", .wrongType),
    ("  a: { dimension: quality, drift: ks, min_samples: 0 }", .wrongType),
    ("  a: { dimension: quality, max: 3%, statistic: mean }", .boundShape),
    ("  a: { dimension: quality, max: 3%, window: 7d, statistic: mode }", .wrongType),
    ("  a: { dimension: quality, min: 3%, period: month }", .boundShape),
    ("  a: { dimension: quality, max: 3 USD, period: year }", .wrongType),
    ("  a: { dimension: quality, max: 3 USD, window: 7d, period: month }", .boundShape),
    ("  a: { dimension: latency, max: 1s, parts: [b] }", .unknownMetric),
    ("  a: { dimension: latency, max: 1s, parts: [] }", .emptyValue),
    ("  a: { dimension: latency, max: 1s, parts: [a] }", .partsCycle),
    (
      "  a: { dimension: latency, max: 1s, parts: [b, b] }\n  b: { dimension: latency, max: 1ms }",
      .duplicateName
    ),
    (
      "  a: { dimension: latency, max: 1s, parts: [b] }\n  b: { dimension: latency, max: 2s }",
      .partsExceedWhole
    ),
    ("  a: { dimension: quality, slo: 99%, window: 7d, baseline: 0.9 }", .boundShape),
  ]

  @Test(arguments: mistakes.indices)
  func aMistakeIsItsRule(_ index: Int) {
    let (metrics, rule) = Self.mistakes[index]
    let rules = Self.tree(metrics).diagnostics.map(\.rule)
    #expect(rules.contains(rule), "\(metrics): \(rules)")
  }

  @Test func theRelativeSpellingNamesTheOneThatMeansIt() throws {
    let diagnostics = Self.tree("  a: { dimension: quality, min: 95% of baseline }").diagnostics
    let hint = try #require(diagnostics.first?.hint)
    #expect(hint.contains("max_drop: 5%"), "\(hint)")
  }

  @Test func partsAreCheckedInEveryEnvironment() throws {
    let metrics =
      "  a: { dimension: latency, max: 100ms, parts: [b, c] }\n  b: { dimension: latency, max: 40ms }\n  c: { dimension: latency, max: 50ms }"
    #expect(Self.tree(metrics).diagnostics.isEmpty)
    let tail = "environments:\n  staging:\n    b: { max: 70ms }\n"
    let diagnostics = Self.tree(metrics, tail: tail).diagnostics
    #expect(diagnostics.map(\.rule) == [.partsExceedWhole])
    let message = try #require(diagnostics.first?.message)
    #expect(message.contains("120ms"), "\(message)")
    #expect(message.contains("`staging`"), "\(message)")
  }

  @Test func overridesMayChangeTheNewLimits() {
    let tail =
      "environments:\n  staging:\n    accuracy: { baseline: 0.93, max_drop: 10% }\n    drift: { p_value: 0.01 }\n"
    let tree = Self.tree(
      "  accuracy: { dimension: quality, baseline: 0.95, max_drop: 8% }\n  drift: { dimension: quality, drift: ks }",
      tail: tail)
    #expect(tree.diagnostics.isEmpty, "\(tree.diagnostics)")
    let zero = Self.tree(
      "  accuracy: { dimension: quality, baseline: 0.95, max_drop: 8% }",
      tail: "environments:\n  staging:\n    accuracy: { baseline: 0 }\n")
    #expect(zero.diagnostics.map(\.rule) == [.baselineZero])
  }

  @Test func anOwnersDimensionMayCarryAWeight() throws {
    let owners = TreeFixture.owners.replacingOccurrences(
      of: "latency: { owners: [sre] }", with: "latency: { owners: [sre], weight: 0.3 }")
    let tree = TreeFixture.load([".budgets/owners.yaml": owners])
    #expect(tree.diagnostics.isEmpty, "\(tree.diagnostics)")
    #expect(tree.owners?.dimensions["latency"]?.weight?.baseValue == 0.3)
    let bad = owners.replacingOccurrences(of: "weight: 0.3", with: "weight: 30%")
    #expect(
      TreeFixture.load([".budgets/owners.yaml": bad]).diagnostics.map(\.rule) == [.unitMismatch])
  }

  @Test func anExceptionMayRelaxTheNewLimits() {
    let metrics = "  accuracy: { dimension: quality, baseline: 0.95, max_drop: 8% }"
    let exception = RuleExample.exception(
      "metrics:\n  accuracy: { max_drop: 12% }"
    ).replacingOccurrences(of: "budget: ranker", with: "budget: extra")
    let tree = TreeFixture.load([
      RuleExample.file: Self.budget(metrics), ".budgets/exc.yaml": exception,
    ])
    #expect(tree.diagnostics.isEmpty, "\(tree.diagnostics)")
  }
}

/// Which way the new fields move a budget, and who signs off.
struct BudgetShapeDiffTests {
  static func changes(_ before: String, _ after: String) -> [BudgetChange] {
    let old = BudgetShapeTests.tree(before)
    let new = BudgetShapeTests.tree(after)
    return BudgetDiff.changes(from: old, to: new).filter { $0.budget == "extra" }
  }

  static let cases: [(before: String, after: String, field: String, kind: ChangeKind)] = [
    (
      "  a: { dimension: quality, baseline: 0.95, max_drop: 8% }",
      "  a: { dimension: quality, baseline: 0.96, max_drop: 8% }", "baseline", .tighten
    ),
    (
      "  a: { dimension: quality, baseline: 0.95, max_drop: 8% }",
      "  a: { dimension: quality, baseline: 0.94, max_drop: 8% }", "baseline", .loosen
    ),
    (
      "  a: { dimension: latency, baseline: 80ms, max_rise: 25% }",
      "  a: { dimension: latency, baseline: 90ms, max_rise: 25% }", "baseline", .loosen
    ),
    (
      "  a: { dimension: latency, baseline: 80ms, max_rise: 25% }",
      "  a: { dimension: latency, baseline: 0.07s, max_rise: 25% }", "baseline", .tighten
    ),
    (
      "  a: { dimension: quality, baseline: 0.95, max_drop: 8%, max_rise: 2% }",
      "  a: { dimension: quality, baseline: 0.96, max_drop: 8%, max_rise: 2% }", "baseline",
      .changed
    ),
    (
      "  a: { dimension: quality, baseline: 0.95, max_drop: 8% }",
      "  a: { dimension: quality, baseline: 0.95, max_drop: 5% }", "max_drop", .tighten
    ),
    (
      "  a: { dimension: quality, across: g, max_difference: 3% }",
      "  a: { dimension: quality, across: g, max_difference: 2% }", "max_difference", .tighten
    ),
    (
      "  a: { dimension: quality, across: g, min_ratio: 0.8 }",
      "  a: { dimension: quality, across: g, min_ratio: 0.7 }", "min_ratio", .loosen
    ),
    (
      "  a: { dimension: quality, drift: ks, p_value: 0.05 }",
      "  a: { dimension: quality, drift: ks, p_value: 0.1 }", "p_value", .tighten
    ),
    (
      "  a: { dimension: quality, drift: ks, min_samples: 20 }",
      "  a: { dimension: quality, drift: ks, min_samples: 50 }", "min_samples", .loosen
    ),
    (
      "  a: { dimension: quality, min: 0.9, window: 7d }",
      "  a: { dimension: quality, min: 0.9, window: 14d }", "window", .changed
    ),
  ]

  @Test(arguments: cases.indices)
  func aNewFieldMovesTheWayItsMeaningSays(_ index: Int) throws {
    let (before, after, field, kind) = Self.cases[index]
    let changes = Self.changes(before, after)
    let change = try #require(changes.first, "no change from \(before) to \(after)")
    #expect(changes.count == 1, "\(changes)")
    #expect(change.field.name == field)
    #expect(change.kind == kind, "\(before) → \(after)")
  }

  /// The baseline is the metric's: its dimension's owners sign off a loosening.
  @Test func aLowerBaselineNeedsTheDimensionOwners() throws {
    let before = BudgetShapeTests.tree("  a: { dimension: quality, baseline: 0.95, max_drop: 8% }")
    let after = BudgetShapeTests.tree("  a: { dimension: quality, baseline: 0.9, max_drop: 8% }")
    let changes = BudgetDiff.changes(from: before, to: after)
    let required = RequiredSignOffs(
      owners: before.owners, base: DiffSide(tree: before), head: DiffSide(tree: after)
    ).required(for: changes)
    #expect(required.map(\.signOff.teams) == [["ml-eng"]], "\(required)")
  }
}

/// Shape fields and weights have no one direction: they are changes, signed off as loosenings
/// by the metric's owners, or by governance for the Owners file.
struct BudgetShapeChangeTests {
  @Test(arguments: [
    (
      "  a: { dimension: quality, across: g, max_difference: 3% }",
      "  a: { dimension: quality, across: h, max_difference: 3% }", "across", "g", "h"
    ),
    (
      "  a: { dimension: quality, across: g, max_difference: 3% }",
      "  a: { dimension: quality, across: g, max_difference: 3%, method: to_overall }", "method",
      "", "to_overall"
    ),
    (
      "  a: { dimension: quality, min: 0.9, window: 7d }",
      "  a: { dimension: quality, min: 0.9, window: 7d, statistic: median }", "statistic", "",
      "median"
    ),
    (
      "  a: { dimension: quality, max: 9 USD, period: month }",
      "  a: { dimension: quality, max: 9 USD, period: quarter }", "period", "month", "quarter"
    ),
    (
      "  a: { dimension: latency, max: 1s, parts: [b] }\n  b: { dimension: latency, max: 1ms }\n  c: { dimension: latency, max: 1ms }",
      "  a: { dimension: latency, max: 1s, parts: [b, c] }\n  b: { dimension: latency, max: 1ms }\n  c: { dimension: latency, max: 1ms }",
      "parts", "[b]", "[b, c]"
    ),
  ])
  func aShapeFieldIsAChange(
    _ before: String, _ after: String, _ field: String, _ old: String, _ new: String
  ) throws {
    let base = BudgetShapeTests.tree(before)
    let head = BudgetShapeTests.tree(after)
    #expect(head.diagnostics.isEmpty, "\(head.diagnostics)")
    let changes = BudgetDiff.changes(from: base, to: head).filter { $0.budget == "extra" }
    let change = try #require(changes.only, "\(changes)")
    #expect(change.field.name == field)
    #expect(change.kind == .changed)
    #expect(change.oldText == (old.isEmpty ? nil : old))
    #expect(change.newText == new)
    let required = RequiredSignOffs(
      owners: base.owners, base: DiffSide(tree: base), head: DiffSide(tree: head)
    ).required(for: changes)
    let dimension = before.contains("latency") ? "sre" : "ml-eng"
    #expect(required.map(\.signOff.teams) == [[TeamName(dimension)]], "\(required)")
  }

  @Test func aWeightIsAGovernedChangeOfTheOwnersFile() throws {
    let weighted = TreeFixture.owners.replacingOccurrences(
      of: "quality: { owners: [ml-eng] }", with: "quality: { owners: [ml-eng], weight: 0.5 }")
    let base = TreeFixture.load([".budgets/owners.yaml": weighted])
    let head = TreeFixture.load([
      ".budgets/owners.yaml": weighted.replacingOccurrences(of: "0.5", with: "0.7")
    ])
    let changes = BudgetDiff.changes(from: base, to: head)
    let change = try #require(changes.only, "\(changes)")
    #expect(change.category == .governance)
    #expect(change.field.name == "dimensions.quality.weight")
    #expect(change.oldText == "0.5" && change.newText == "0.7")
    let same = TreeFixture.load([
      ".budgets/owners.yaml": weighted.replacingOccurrences(of: "0.5", with: "0.50")
    ])
    #expect(BudgetDiff.changes(from: base, to: same).isEmpty)
  }
}
