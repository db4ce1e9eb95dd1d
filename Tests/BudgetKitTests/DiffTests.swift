import BudgetKit
import Testing

/// The semantic diff of budgets: direction, units, effective values per environment, identity.
@Suite struct DiffTests {
  typealias F = DiffFixtures

  @Test func raisingACeilingInAnotherUnitIsAThirtyPercentLoosening() throws {
    let new = F.fraud(replacing: "max: 100ms }", with: "max: 0.13s }")
    let changes = F.diff(F.tree(budget: F.fraud), F.tree(budget: new))
    // Production changes; staging overrides the metric, so its effective value does not.
    let change = try #require(changes.only)
    #expect(change.kind == .loosen)
    #expect(change.budget == "fraud-detector")
    #expect(change.environment == .production)
    #expect(change.metric == "latency_p95")
    #expect(change.field.name == "max")
    #expect(change.field == .bound(.max))
    #expect(change.oldText == "100ms")
    #expect(change.newText == "0.13s")
    // The typed values keep their text as written.
    let bound = try #require(Self.bound(of: change))
    #expect(bound.key == .max && bound.old?.text == "100ms" && bound.new?.text == "0.13s")
    #expect(abs((change.relativeChange ?? 0) - 0.3) < 1e-9)
    #expect(change.path == ".budgets/models/fraud.yaml")
  }

  @Test func sameValueInAnotherUnitIsNoChange() {
    let new = F.fraud(replacing: "max: 100ms }", with: "max: 0.1s }")
    #expect(F.diff(F.tree(budget: F.fraud), F.tree(budget: new)).isEmpty)
  }

  @Test func commentsFormattingAndDescriptionsAreNoChange() {
    let new =
      "# a comment\n"
      + F.fraud.replacingOccurrences(of: "owner: ml-eng", with: "owner: ml-eng   # accountable")
      .replacingOccurrences(of: "kind: Budget", with: "kind: Budget\ndescription: words")
    #expect(F.diff(F.tree(budget: F.fraud), F.tree(budget: new)).isEmpty)
  }

  @Test(arguments: [
    ("min: 0.95 }", "min: 0.90 }", ChangeKind.loosen),
    ("min: 0.95 }", "min: 97% }", ChangeKind.tighten),
    ("slo: 99.99%", "slo: 99.9%", ChangeKind.loosen),
    ("slo: 99.99%", "slo: 99.999%", ChangeKind.tighten),
    ("window: 30d", "window: 7d", ChangeKind.changed),
  ])
  func directionFollowsTheField(line: String, replacement: String, kind: ChangeKind) throws {
    let changes = F.diff(
      F.tree(budget: F.fraud), F.tree(budget: F.fraud(replacing: line, with: replacement)))
    // Base metrics without overrides change in both environments.
    #expect(changes.count == 2)
    #expect(changes.allSatisfy { $0.kind == kind })
    #expect(Set(changes.map(\.environment)) == [.production, "staging"])
  }

  @Test func gainingACapTightensAndLosingOneLoosens() {
    let banded = F.fraud(replacing: "min: 0.95 }", with: "min: 0.95, max: 0.99 }")
    let gained = F.diff(F.tree(budget: F.fraud), F.tree(budget: banded))
    #expect(gained.map(\.kind) == [.tighten, .tighten])
    #expect(
      gained.allSatisfy { $0.field == .bound(.max) && $0.oldText == nil && $0.newText == "0.99" })
    let lost = F.diff(F.tree(budget: banded), F.tree(budget: F.fraud))
    #expect(lost.map(\.kind) == [.loosen, .loosen])
  }

  @Test func overrideChangesOnlyItsEnvironment() throws {
    let new = F.fraud(replacing: "max: 150ms }", with: "max: 120ms }")
    let change = try #require(F.diff(F.tree(budget: F.fraud), F.tree(budget: new)).only)
    #expect(change.environment == "staging")
    #expect(change.kind == .tighten)
    #expect(change.oldText == "150ms" && change.newText == "120ms")
  }

  @Test func droppingAnOverrideShowsTheInheritedValue() throws {
    let new = F.fraud(
      replacing: "  staging: { latency_p95: { max: 150ms } }", with: "  staging: {}")
    let change = try #require(F.diff(F.tree(budget: F.fraud), F.tree(budget: new)).only)
    #expect(change.environment == "staging")
    #expect(change.kind == .tighten)
    #expect(change.oldText == "150ms" && change.newText == "100ms")
  }

  @Test func removedMetricAndBudgetAreRemoved() {
    let fewer = F.fraud(replacing: "  precision:    { dimension: quality, min: 0.95 }\n", with: "")
    let metricGone = F.diff(F.tree(budget: F.fraud), F.tree(budget: fewer))
    #expect(metricGone.count == 2)
    #expect(
      metricGone.allSatisfy { $0.kind == .removed && $0.metric == "precision" && $0.newText == nil }
    )
    #expect(metricGone.allSatisfy { $0.kind.isLoosening })
    let budgetGone = F.diff(F.tree(budget: F.fraud), F.tree(["owners.yaml": F.owners]))
    #expect(!budgetGone.isEmpty)
    #expect(
      budgetGone.allSatisfy { $0.kind == .removed && $0.path == ".budgets/models/fraud.yaml" })
  }

  @Test func addedBudgetListsEveryEffectiveValue() {
    let changes = F.diff(F.tree(["owners.yaml": F.owners]), F.tree(budget: F.fraud))
    // Four fields in production and the same four in staging.
    #expect(changes.count == 8)
    #expect(changes.allSatisfy { $0.kind == .added && $0.oldText == nil })
    #expect(changes.contains { $0.environment == "staging" && $0.newText == "150ms" })
  }

  @Test func budgetKeepsItsIdentityAcrossAMoveAndReportsTheNewPath() throws {
    let moved = F.tree(
      budget: F.fraud(replacing: "max: 100ms }", with: "max: 90ms }"), path: "ml/fraud.yml")
    let change = try #require(F.diff(F.tree(budget: F.fraud), moved).only)
    #expect(change.kind == .tighten)
    #expect(change.path == ".budgets/ml/fraud.yml")
    #expect(F.diff(F.tree(budget: F.fraud), F.tree(budget: F.fraud, path: "x/y.yaml")).isEmpty)
  }

  @Test func windowInAnotherUnitIsNoChange() throws {
    let changes = F.diff(
      F.tree(budget: F.fraud),
      F.tree(budget: F.fraud(replacing: "window: 30d", with: "window: 720h")))
    #expect(changes.isEmpty)
  }

  @Test func ownerAndDimensionChangesAreReported() {
    let new = F.fraud.replacingOccurrences(of: "owner: ml-eng", with: "owner: sre")
      .replacingOccurrences(
        of: "precision:    { dimension: quality", with: "precision:    { dimension: latency")
    let changes = F.diff(F.tree(budget: F.fraud), F.tree(budget: new))
    #expect(changes.map(\.field) == [.owner, .dimension])
    #expect(changes.allSatisfy { $0.kind == .changed })
  }

  static func bound(of change: BudgetChange) -> BoundChange? {
    if case .bound(let bound) = change.what { return bound }
    return nil
  }
}

extension Array {
  /// The single element, or nil when there are none or several.
  var only: Element? { count == 1 ? first : nil }
}
