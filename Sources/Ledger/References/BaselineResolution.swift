import BudgetKit
import GitKit
import Measurements

/// The figures a tree's recorded baselines (`baseline: {run: <id>}`, `{commit: <id>}`) stand
/// for, in every environment of their budget, read from the recorded runs: what the semantic
/// diff and the gate compare, so that moving a pin to a run of a higher figure reads as what it
/// does to the bound. A baseline that gives no figure is left out, and the diff then governs
/// its change as a loosening.
public enum BaselineResolution {
  /// Whether any metric of the trees names a recorded baseline.
  public static func needed(_ trees: [BudgetTree?]) -> Bool {
    trees.contains { tree in
      tree?.budgets.contains { $0.metrics.values.contains { $0.shape.baselineSource != nil } }
        ?? false
    }
  }

  /// The resolved baselines of `tree` from `runs`.
  public static func resolve(_ tree: BudgetTree, runs: any RecordedRunSource) -> ResolvedBaselines {
    let figures = RecordedFigures(runs: runs, tree: tree)
    var resolved = ResolvedBaselines()
    for budget in tree.budgets {
      for name in budget.metricOrder {
        guard let source = budget.metrics[name]?.shape.baselineSource?.value else { continue }
        for environment in budget.environmentNames {
          resolved[budget.name.value, name, environment] = try? figures.baseline(
            source, budget: budget.name.value, metric: name, environment: environment)
        }
      }
    }
    return resolved
  }

  /// The resolved baselines of both sides of a change, read from `repository`'s recorded runs;
  /// empty when neither side names one or the runs cannot be read.
  public static func resolve(_ old: BudgetTree?, _ new: BudgetTree?, in repository: Repository)
    -> (old: ResolvedBaselines, new: ResolvedBaselines)
  {
    guard needed([old, new]), let runs = try? StoreRecordedRuns(repository: repository) else {
      return (ResolvedBaselines(), ResolvedBaselines())
    }
    return (
      old.map { resolve($0, runs: runs) } ?? ResolvedBaselines(),
      new.map { resolve($0, runs: runs) } ?? ResolvedBaselines()
    )
  }
}
