import BudgetKit

/// Which limits of a tree the recorded runs beat by more than the margin, and the tighter
/// value for each: what `bursar suggest` proposes.
///
/// A limit is judged by the runs of the environment it is written for: a base metric by the
/// production runs, an environment's override by that environment's runs. An environment that
/// inherits a base limit proposes nothing for it, since the base is production's. Objectives
/// (`slo`) are not ratcheted.
public struct SuggestionPlanner: Sendable {
  public var ratchet: Ratchet

  public init(policy: RatchetPolicy = RatchetPolicy()) {
    self.ratchet = Ratchet(policy: policy)
  }

  /// The suggestions for every written `max` and `min` of the tree's budgets, in file order.
  /// `values` gives a metric's latest recorded figures (base unit, newest first) in an
  /// environment, at most `policy.runs` of them.
  public func suggestions(
    for tree: BudgetTree, only budget: BudgetName? = nil,
    values: (BudgetName, EnvironmentName, MetricName) -> [Double]
  ) -> [BoundSuggestion] {
    var found: [BoundSuggestion] = []
    for candidate in tree.budgets where budget == nil || candidate.name.value == budget {
      for name in candidate.metricOrder {
        guard let metric = candidate.metrics[name] else { continue }
        found += suggest(
          candidate, metric, environment: .production, bound: metric.bound,
          keys: ["metrics", name.rawValue], values: values)
      }
      for environment in candidate.environmentOrder {
        guard let override = candidate.environments[environment] else { continue }
        for name in override.metricOrder {
          guard let metric = candidate.metrics[name], let written = override.metrics[name] else {
            continue
          }
          found += suggest(
            candidate, metric, environment: environment, bound: written.bound,
            keys: ["environments", environment.rawValue, name.rawValue], values: values)
        }
      }
    }
    return found
  }

  private func suggest(
    _ budget: Budget, _ metric: Metric, environment: EnvironmentName, bound: Bound,
    keys: [String], values: (BudgetName, EnvironmentName, MetricName) -> [Double]
  ) -> [BoundSuggestion] {
    let limits = [BoundKey.max, .min].compactMap { key in bound[key].map { (key, $0) } }
    guard !limits.isEmpty else { return [] }
    let recent = Array(
      values(budget.name.value, environment, metric.name.value).prefix(ratchet.policy.runs))
    return limits.compactMap { key, limit in
      guard let proposal = ratchet.propose(key, limit: limit, values: recent),
        Self.isTighter(proposal)
      else { return nil }
      return BoundSuggestion(
        budget: budget.name.value, path: budget.path, environment: environment,
        metric: metric.name.value, dimension: metric.dimension.value, proposal: proposal,
        keys: keys + [key.rawValue])
    }
  }

  /// The proposal, read back as a quantity, is strictly tighter than the limit, exactly: a
  /// suggestion never loosens, whatever the rounding.
  static func isTighter(_ proposal: RatchetProposal) -> Bool {
    guard case .success(let proposed) = QuantityParser.parse(proposal.proposedText),
      let order = proposed.compare(to: proposal.current)
    else { return false }
    return proposal.key == .max ? order == .orderedAscending : order == .orderedDescending
  }
}
