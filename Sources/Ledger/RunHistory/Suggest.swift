import BudgetKit
import GitKit
import Measurements

/// The tighter caps and floors that the latest recorded runs beat by more than the margin:
/// `bursar suggest`. Each limit is judged by the runs of the environment it is written for.
public struct Suggest {
  public let history: FigureHistory
  public let head: Oid
  public let policy: RatchetPolicy
  public let budget: BudgetName?

  public init(history: FigureHistory, head: Oid, policy: RatchetPolicy, budget: BudgetName?) {
    self.history = history
    self.head = head
    self.policy = policy
    self.budget = budget
  }

  public func plan() throws(LedgerError) -> SuggestPlan {
    let tree = history.tree
    var environments: [EnvironmentName] = [.production]
    for candidate in tree.budgets where budget == nil || candidate.name.value == budget {
      environments += candidate.environmentOrder.filter { !environments.contains($0) }
    }
    var recent: [EnvironmentName: RecentFigures] = [:]
    for environment in environments {
      recent[environment] = try history.recent(
        from: head, environment: environment, count: policy.runs)
    }
    let suggestions = SuggestionPlanner(policy: policy).suggestions(for: tree, only: budget) {
      budget, environment, metric in
      recent[environment]?.values(of: budget, metric) ?? []
    }
    return SuggestPlan(
      suggestions: suggestions,
      runs: environments.map { ($0, recent[$0]?.runs ?? 0) }, policy: policy,
      tighten: tree.owners?.rules.tighten ?? Rules().tighten)
  }
}
