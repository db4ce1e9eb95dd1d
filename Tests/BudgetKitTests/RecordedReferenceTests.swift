import Testing

@testable import BudgetKit

/// Baselines and drift references named by a recorded run or a full commit id: how they read,
/// what is refused, what the meaning digest covers, and how the diff governs a changed pin.
struct RecordedReferenceTests {
  static let runA = "0123456789abcdef0123456789abcdef"
  static let runB = "fedcba9876543210fedcba9876543210"
  static let commit = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"

  static func tree(_ metrics: String, tail: String = "") -> BudgetTree {
    BudgetShapeTests.tree(metrics, tail: tail)
  }

  static func metric(_ tree: BudgetTree, _ name: String = "a") -> Metric? {
    BudgetShapeTests.metric(name, in: tree)
  }

  static func rules(_ tree: BudgetTree) -> [RuleID] { tree.diagnostics.map(\.rule) }

  @Test func aRunBaselineReadsIntoTheShapeAndLeavesTheBoundWithoutAQuantity() throws {
    let tree = Self.tree("  a: { dimension: quality, baseline: {run: \(Self.runA)}, max_drop: 5% }")
    #expect(tree.diagnostics.isEmpty, "\(tree.diagnostics)")
    let metric = try #require(Self.metric(tree))
    #expect(metric.shape.baselineSource?.value == .run(Self.runA))
    #expect(metric.shape.baselineSource?.location.line == 6)
    #expect(metric.bound.baseline == nil)
    #expect(metric.bound.baselineRaises == .tighten)
  }

  @Test func aCommitBaselineReads() throws {
    let tree = Self.tree(
      "  a: { dimension: latency, baseline: {commit: \(Self.commit)}, max_rise: 10% }")
    #expect(tree.diagnostics.isEmpty, "\(tree.diagnostics)")
    #expect(Self.metric(tree)?.shape.baselineSource?.value == .commit(Self.commit))
  }

  @Test func aDriftReferenceNamesARun() throws {
    let tree = Self.tree("  a: { dimension: quality, drift: ks, reference: {run: \(Self.runA)} }")
    #expect(tree.diagnostics.isEmpty, "\(tree.diagnostics)")
    let metric = try #require(Self.metric(tree))
    #expect(metric.shape.driftReference == .recorded(.run(Self.runA)))
    #expect(metric.shape.driftReference.description == "{run: \(Self.runA)}")
  }

  @Test(arguments: [
    "baseline: {commit: main}", "baseline: {commit: HEAD}", "baseline: {commit: v1.2}",
    "baseline: {commit: 4b825dc}", "baseline: {commit: 4B825DC642CB6EB9A060E54BF8D69288FBEE4904}",
    "baseline: {run: 0123456789abcdef}", "baseline: {run: latest}",
    "baseline: {run: \(runA), commit: \(commit)}", "baseline: {tag: v1}", "baseline: {}",
  ])
  func aNameThatCouldMoveIsRefused(_ baseline: String) {
    let tree = Self.tree("  a: { dimension: quality, \(baseline), max_drop: 5% }")
    #expect(Self.rules(tree) == [.recordedReference], "\(tree.diagnostics)")
    #expect(tree.diagnostics.first?.location.line == 6)
  }

  @Test(arguments: ["reference: {commit: \(commit)}", "reference: {run: main}"])
  func aDriftReferenceIsOneRunById(_ reference: String) {
    let tree = Self.tree("  a: { dimension: quality, drift: ks, \(reference) }")
    #expect(Self.rules(tree) == [.recordedReference], "\(tree.diagnostics)")
  }

  @Test func aBranchNameSaysWhyAndHowToPinIt() throws {
    let tree = Self.tree("  a: { dimension: quality, baseline: {commit: main}, max_drop: 5% }")
    let diagnostic = try #require(tree.diagnostics.first)
    #expect(diagnostic.message.contains("can move"))
    #expect(diagnostic.hint?.contains("git rev-parse main") == true)
  }

  @Test func anOverrideCannotNameARecordedBaseline() {
    let tree = Self.tree(
      "  a: { dimension: quality, baseline: 0.9, max_drop: 5% }",
      tail: "environments:\n  staging: { a: { baseline: {run: \(Self.runA)} } }\n")
    #expect(Self.rules(tree) == [.recordedReference], "\(tree.diagnostics)")
  }

  @Test func anOverrideMayGiveAQuantityBaselineBesideARecordedOne() {
    let tree = Self.tree(
      "  a: { dimension: quality, baseline: {run: \(Self.runA)}, max_drop: 5% }",
      tail: "environments:\n  staging: { a: { baseline: 0.9 } }\n")
    #expect(tree.diagnostics.isEmpty, "\(tree.diagnostics)")
  }

  @Test func aRecordedBaselineWithoutARelativeBoundIsABoundShapeError() {
    let tree = Self.tree("  a: { dimension: quality, baseline: {run: \(Self.runA)} }")
    #expect(Self.rules(tree) == [.boundShape], "\(tree.diagnostics)")
  }

  @Test func theReferenceIsPartOfTheMeaningDigest() throws {
    func digest(_ metrics: String) throws -> String {
      let tree = Self.tree(metrics)
      #expect(tree.diagnostics.isEmpty, "\(tree.diagnostics)")
      return try #require(tree.digests[RuleExample.file])
    }
    let a = try digest("  a: { dimension: quality, baseline: {run: \(Self.runA)}, max_drop: 5% }")
    let again = try digest(
      "  a:\n    dimension: quality\n    max_drop: 5%\n    baseline:\n      run: \"\(Self.runA)\"")
    let b = try digest("  a: { dimension: quality, baseline: {run: \(Self.runB)}, max_drop: 5% }")
    let drift = try digest("  a: { dimension: quality, drift: ks, reference: {run: \(Self.runA)} }")
    let driftB = try digest(
      "  a: { dimension: quality, drift: ks, reference: {run: \(Self.runB)} }")
    #expect(a == again)
    #expect(a != b)
    #expect(drift != driftB)
  }

  // MARK: The diff

  static func baselines(_ value: String?, environments: [EnvironmentName] = [.production])
    -> ResolvedBaselines
  {
    var resolved = ResolvedBaselines()
    guard let value, case .success(let quantity) = QuantityParser.parse(value) else {
      return resolved
    }
    for environment in environments { resolved["extra", "a", environment] = quantity }
    return resolved
  }

  static func changes(
    _ before: String, _ after: String, old: ResolvedBaselines = ResolvedBaselines(),
    new: ResolvedBaselines = ResolvedBaselines()
  ) -> (changes: [BudgetChange], required: [RequiredSignOff]) {
    let base = tree(before)
    let head = tree(after)
    var from = DiffSide(tree: base)
    var to = DiffSide(tree: head)
    from.baselines = old
    to.baselines = new
    let changes = BudgetDiff.changes(from: from, to: to).filter { $0.budget == "extra" }
    let required = RequiredSignOffs(owners: base.owners, base: from, head: to).required(
      for: changes)
    return (changes, required)
  }

  static func floor(_ run: String) -> String {
    "  a: { dimension: quality, baseline: {run: \(run)}, max_drop: 5% }"
  }

  static func ceiling(_ run: String) -> String {
    "  a: { dimension: latency, baseline: {run: \(run)}, max_rise: 10% }"
  }

  static func pinChange(_ changes: [BudgetChange]) -> BudgetChange? {
    changes.first { if case .shape = $0.what { true } else { false } }
  }

  @Test(arguments: [
    ("0.93", "0.95", ChangeKind.tighten), ("0.95", "0.93", .loosen), ("0.93", "0.93", .tighten),
  ])
  func aMovedPinOfAFloorGoesTheWayItsFiguresMoved(
    _ old: String, _ new: String, _ kind: ChangeKind
  ) throws {
    let (changes, required) = Self.changes(
      Self.floor(Self.runA), Self.floor(Self.runB), old: Self.baselines(old),
      new: Self.baselines(new))
    let pin = try #require(Self.pinChange(changes), "\(changes)")
    #expect(pin.field.name == "baseline")
    #expect(pin.oldText == "{run: \(Self.runA)}")
    #expect(pin.newText == "{run: \(Self.runB)}")
    #expect(pin.kind == kind, "\(changes)")
    let bound = changes.filter { if case .bound = $0.what { true } else { false } }
    #expect(bound.map(\.kind) == (old == new ? [] : [kind]), "\(changes)")
    // Rules here: tightening needs nobody, a loosening the dimension's owners.
    #expect(required.map(\.signOff.teams) == (kind == .loosen ? [["ml-eng"]] : []), "\(required)")
  }

  @Test func raisingACeilingsPinnedBaselineLoosens() throws {
    let (changes, _) = Self.changes(
      Self.ceiling(Self.runA), Self.ceiling(Self.runB), old: Self.baselines("80ms"),
      new: Self.baselines("90ms"))
    #expect(Self.pinChange(changes)?.kind == .loosen, "\(changes)")
  }

  @Test func aPinThatDoesNotResolveIsALooseningForTheDimensionOwners() throws {
    let (changes, required) = Self.changes(
      Self.floor(Self.runA), Self.floor(Self.runB), old: Self.baselines("0.93"))
    let pin = try #require(Self.pinChange(changes), "\(changes)")
    #expect(pin.kind == .loosen)
    #expect(required.map(\.signOff.teams) == [["ml-eng"]], "\(required)")
  }

  @Test func aQuantityBaselineReplacedByAPinComparesTheFigures() throws {
    let (changes, required) = Self.changes(
      "  a: { dimension: quality, baseline: 0.9, max_drop: 5% }", Self.floor(Self.runA),
      new: Self.baselines("0.95"))
    #expect(Self.pinChange(changes)?.kind == .tighten, "\(changes)")
    #expect(required.isEmpty, "\(required)")
  }

  @Test func aPinUnresolvedInOneEnvironmentIsALoosening() throws {
    let tail = "environments:\n  staging: { a: { max_drop: 6% } }\n"
    let both: [EnvironmentName] = [.production, "staging"]
    func change(newIn environments: [EnvironmentName]) -> BudgetChange? {
      let base = Self.tree(Self.floor(Self.runA), tail: tail)
      let head = Self.tree(Self.floor(Self.runB), tail: tail)
      var from = DiffSide(tree: base)
      var to = DiffSide(tree: head)
      from.baselines = Self.baselines("0.93", environments: both)
      to.baselines = Self.baselines("0.95", environments: environments)
      return Self.pinChange(BudgetDiff.changes(from: from, to: to))
    }
    #expect(change(newIn: both)?.kind == .tighten)
    #expect(change(newIn: [.production])?.kind == .loosen)
  }

  @Test func aChangedDriftReferenceIsALooseningForTheDimensionOwners() throws {
    let (changes, required) = Self.changes(
      "  a: { dimension: quality, drift: ks, reference: {run: \(Self.runA)} }",
      "  a: { dimension: quality, drift: ks, reference: {run: \(Self.runB)} }")
    let change = try #require(changes.only, "\(changes)")
    #expect(change.field.name == "reference")
    #expect(change.kind == .loosen)
    #expect(required.map(\.signOff.teams) == [["ml-eng"]], "\(required)")
  }

  @Test func aDriftReferenceMovedOffTheMeasurementsIsALoosening() throws {
    let (changes, _) = Self.changes(
      "  a: { dimension: quality, drift: ks }",
      "  a: { dimension: quality, drift: ks, reference: {run: \(Self.runB)} }")
    #expect(changes.only?.kind == .loosen, "\(changes)")
    #expect(changes.only?.newText == "{run: \(Self.runB)}")
  }
}
