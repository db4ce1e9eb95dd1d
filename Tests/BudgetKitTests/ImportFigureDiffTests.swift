import BudgetKit
import Testing

/// `kind: Import` mappings in the diff: which figure measures a metric is governed.
@Suite struct ImportFigureDiffTests {
  typealias F = DiffFixtures

  static let mapping = """
    version: 1
    kind: Import
    tool: locust
    figures:
      - name: /score
        labels: { Type: POST, Region: eu }
        statistic: "95%"
        budget: fraud-detector
        metric: latency_p95
      - budget: fraud-detector
        metric: availability
        bad: { name: /score, statistic: Failure Count }
        total: { name: /score, statistic: Request Count }

    """

  func tree(_ mapping: String?) -> BudgetTree {
    F.tree(budget: F.fraud, extra: mapping.map { ["imports/locust.yaml": $0] } ?? [:])
  }

  func signOffs(_ base: BudgetTree, _ head: BudgetTree) -> [[TeamName]] {
    RequiredSignOffs(owners: base.owners, base: DiffSide(tree: base), head: DiffSide(tree: head))
      .required(for: F.diff(base, head)).map(\.signOff.teams)
  }

  @Test func aMappingThatAppearsAddsEachMappedFigure() throws {
    let changes = F.diff(tree(nil), tree(Self.mapping))
    #expect(changes.count == 2, "\(changes)")
    #expect(changes.allSatisfy { $0.kind == .added && $0.field.name == "import.locust" })
    let latency = try #require(changes.first { $0.metric == "latency_p95" })
    #expect(latency.budget == "fraud-detector" && latency.category == .budget)
    #expect(latency.path == ".budgets/imports/locust.yaml")
    #expect(latency.oldText == nil)
    #expect(latency.newText == "name: /score, labels: {Region: eu, Type: POST}, statistic: 95%")
    let availability = try #require(changes.first { $0.metric == "availability" })
    #expect(
      availability.newText
        == "bad: {name: /score, statistic: Failure Count}, total: {name: /score, statistic: Request Count}"
    )
  }

  @Test func aMappingThatGoesRemovesEachMappedFigure() {
    let changes = F.diff(tree(Self.mapping), tree(nil))
    #expect(changes.map(\.kind) == [.removed, .removed], "\(changes)")
    #expect(changes.allSatisfy { $0.newText == nil && $0.oldText != nil })
  }

  @Test func anotherStatisticIsAChange() throws {
    let changed = Self.mapping.replacingOccurrences(of: "\"95%\"", with: "\"50%\"")
    let change = try #require(F.diff(tree(Self.mapping), tree(changed)).only)
    #expect(change.kind == .changed)
    #expect(change.metric == "latency_p95")
    #expect(change.oldText?.contains("statistic: 95%") == true)
    #expect(change.newText?.contains("statistic: 50%") == true)
    guard case .importFigure(let figure) = change.what else {
      Issue.record("not an import figure: \(change.what)")
      return
    }
    #expect(figure.tool == .locust && figure.mapping == ".budgets/imports/locust.yaml")
  }

  @Test func reorderingAndReformattingIsNoChange() {
    let reordered = """
      version: 1
      kind: Import
      tool: locust
      description: Reordered, reformatted.
      figures:
        # availability first now
        - metric: availability
          budget: fraud-detector
          total: { statistic: Request Count, name: /score }
          bad:
            name: /score
            statistic: 'Failure Count'
        - { metric: latency_p95, budget: fraud-detector, statistic: 95%, name: /score, labels: { Region: eu, Type: POST } }

      """
    let (before, after) = (tree(Self.mapping), tree(reordered))
    #expect(after.isValid, "\(after.diagnostics)")
    #expect(F.diff(before, after).isEmpty)
  }

  @Test func movingAnEntryToAnotherFileIsNoChange() {
    let split = Self.mapping.components(
      separatedBy: "  - budget: fraud-detector\n    metric: availability")
    let first = split[0]
    let second =
      "version: 1\nkind: Import\ntool: locust\nfigures:\n  - budget: fraud-detector\n    metric: availability"
      + split[1]
    let after = F.tree(
      budget: F.fraud, extra: ["imports/locust.yaml": first, "imports/more.yaml": second])
    #expect(after.isValid, "\(after.diagnostics)")
    #expect(F.diff(tree(Self.mapping), after).isEmpty)
  }

  /// Which figure measures a metric is signed off like a loosening, by the owners of the
  /// metric's dimension; adding and removing follow the `add` and `remove` rules.
  @Test func theMetricsDimensionOwnersSignOff() {
    let changed = Self.mapping.replacingOccurrences(of: "\"95%\"", with: "\"50%\"")
    #expect(signOffs(tree(Self.mapping), tree(changed)) == [["sre"]])
    #expect(signOffs(tree(nil), tree(Self.mapping)) == [["sre"]])
    let precision = """
      version: 1
      kind: Import
      tool: mlflow
      figures:
        - { name: precision, statistic: latest, budget: fraud-detector, metric: precision }

      """
    let base = tree(nil)
    let head = F.tree(budget: F.fraud, extra: ["imports/mlflow.yaml": precision])
    #expect(head.isValid, "\(head.diagnostics)")
    #expect(signOffs(base, head) == [["ml-eng"]])
    #expect(signOffs(head, base) == [["ml-eng"]])
  }

  /// The gate's cut-down sides find the same changes as the whole trees.
  @Test func touchedSidesFindTheSameChanges() {
    let changed = Self.mapping.replacingOccurrences(of: "\"95%\"", with: "\"50%\"")
    let (base, head) = (tree(Self.mapping), tree(changed))
    let sides = TouchedSides(
      base: base, head: head, touching: [".budgets/imports/locust.yaml"], root: ".budgets")
    #expect(BudgetDiff.changes(from: sides.base, to: sides.head) == F.diff(base, head))
    #expect(sides.head.budgets.map(\.name.value) == ["fraud-detector"])
  }
}
