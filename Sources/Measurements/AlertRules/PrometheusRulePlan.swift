import BudgetKit

/// The budgets of a tree joined with the Prometheus queries of its import mappings: a rule
/// source for every mapped metric, and the metrics no query measures, which get no rules.
public struct PrometheusRulePlan: Sendable {
  public var sources: [PrometheusRuleSource]
  /// Metrics of the environment's budgets that no mapping gives a query, by budget then in
  /// the budget's order.
  public var unmapped: [MetricReference]
  /// Why some queries cannot stand for their metric (an unknown budget, the wrong shape).
  public var problems: [PrometheusRuleProblem]

  public struct MetricReference: Sendable, Hashable, CustomStringConvertible {
    public var budget: BudgetName
    public var metric: MetricName

    public init(budget: BudgetName, metric: MetricName) {
      self.budget = budget
      self.metric = metric
    }

    public var description: String { "\(budget)/\(metric)" }
  }

  /// Joins each budget's effective bounds in `environment` with the queries naming them. A
  /// budget without that environment is left out; a metric named by several queries takes the
  /// first. Exceptions are not applied: rules outlive them.
  public init(tree: BudgetTree, queries: [PrometheusQuery], environment: EnvironmentName) {
    var byMetric: [MetricReference: PrometheusQuery] = [:]
    var problems: [PrometheusRuleProblem] = []
    for query in queries {
      let reference = MetricReference(budget: query.budget, metric: query.metric)
      guard let budget = tree.budget(named: query.budget),
        budget.metrics[query.metric] != nil
      else {
        problems.append(.unknownMetric(reference.description, location: query.location))
        continue
      }
      if byMetric[reference] == nil { byMetric[reference] = query }
    }
    var sources: [PrometheusRuleSource] = []
    var unmapped: [MetricReference] = []
    for budget in tree.budgets.sorted(by: { $0.name.value < $1.name.value })
    where budget.environmentNames.contains(environment) {
      for name in budget.metricOrder {
        guard let metric = budget.metrics[name],
          let bound = budget.effectiveBound(of: name, in: environment)
        else { continue }
        let reference = MetricReference(budget: budget.name.value, metric: name)
        guard let query = byMetric[reference] else {
          unmapped.append(reference)
          continue
        }
        let dimension = tree.owners?.dimensions[metric.dimension.value]
        let measure: PrometheusRuleSource.Measure
        if let slo = bound.slo, let window = bound.window {
          guard let counted = query.counted, let total = query.total else {
            problems.append(.missingEventQueries(reference.description, location: query.location))
            continue
          }
          let events = PrometheusRuleSource.EventQueries(
            counted: WindowedQuery(counted), countsGood: query.countsGood,
            total: WindowedQuery(total))
          measure = .objective(events: events, slo: slo, window: window)
        } else {
          guard let text = query.query else {
            problems.append(.missingValueQuery(reference.description, location: query.location))
            continue
          }
          measure = .threshold(query: text, unit: query.unit, max: bound.max, min: bound.min)
        }
        sources.append(
          PrometheusRuleSource(
            budget: budget.name.value, metric: name, dimension: metric.dimension.value,
            owners: dimension?.signOff.teams ?? [budget.owner.value],
            runbook: dimension?.runbook, measure: measure,
            location: query.location))
      }
    }
    self.sources = sources
    self.unmapped = unmapped
    self.problems = problems
  }
}
