import BudgetKit
import GitKit
import Measurements

/// The figures of the latest recorded runs of one environment on the first-parent history of
/// a commit (its own runs included), each computed as `check` computes it against one tree:
/// what `check --against-history` and `suggest` compare with.
public struct FigureHistory {
  public let repository: any ObjectReading
  public let runs: any RunLookup
  /// The tree whose metrics decide how a figure is computed (a percentile of samples…).
  public let tree: BudgetTree
  public let percentileMethod: PercentileMethod

  public init(
    repository: any ObjectReading, runs: any RunLookup, tree: BudgetTree,
    percentileMethod: PercentileMethod = .linear
  ) {
    self.repository = repository
    self.runs = runs
    self.tree = tree
    self.percentileMethod = percentileMethod
  }

  /// The figures of the latest `count` runs of `environment` from `head` back.
  public func recent(
    from head: Oid, environment: EnvironmentName, count: Int
  ) throws(LedgerError) -> RecentFigures {
    var recent = RecentFigures(environment: environment)
    guard count > 0 else { return recent }
    let walk: RunWalk
    do { walk = try RunWalk(repository: repository, runs: runs, head: head) } catch {
      throw .git(error)
    }
    let judge = RunJudge(tree: tree, percentileMethod: percentileMethod)
    while recent.runs < count, let (_, found) = try walk.nextCommit() {
      // Newest first: a commit's later runs before its earlier ones.
      for run in found.reversed() where run.environment == environment {
        guard recent.runs < count else { break }
        recent.runs += 1
        for result in judge.judge(run.run, at: run.instant) {
          guard let figure = result.figure else { continue }
          recent.values[
            RecentFigures.Key(budget: result.budget, metric: result.metric), default: []
          ].append(figure.value)
        }
      }
    }
    walk.finish()
    return recent
  }
}
