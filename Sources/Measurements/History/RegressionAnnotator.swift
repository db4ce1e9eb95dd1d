import BudgetKit

/// Adds to each verdict of a check whether its figure regressed against the recorded runs
/// before it: `bursar check --against-history`. A regression inside the budget is a warning;
/// it blocks when the Owners file lists the metric's dimension under `regressions.blocking`.
public struct RegressionAnnotator: Sendable {
  public var tree: BudgetTree

  public init(tree: BudgetTree) {
    self.tree = tree
  }

  /// The report with a regression verdict on every result that has a figure. `history` gives
  /// the recorded values of a metric (base unit, newest first) in the checked environment.
  public func annotate(
    _ report: CheckReport, runs: Int, history: (BudgetName, MetricName) -> [Double]
  ) -> CheckReport {
    var annotated = report
    annotated.historyRuns = runs
    let budgets = Dictionary(
      tree.budgets.map { ($0.name.value, $0) }, uniquingKeysWith: { first, _ in first })
    let blocking = tree.owners?.regressions ?? RegressionRules()
    for index in annotated.results.indices {
      let result = annotated.results[index]
      guard let figure = result.figure, let direction = WorseDirection(result.bound) else {
        continue
      }
      let settings = budgets[result.budget]?.metrics[result.metric]?.regression
      let test = RegressionTest(policy: RegressionPolicy(settings), direction: direction)
      let verdict = test.judge(figure.value, against: history(result.budget, result.metric))
      annotated.results[index].regression = verdict
      if verdict.regressed, blocking.blocks(result.dimension) {
        annotated.results[index].blocks = true
        annotated.results[index].regressionBlocks = true
      }
    }
    return annotated
  }
}
