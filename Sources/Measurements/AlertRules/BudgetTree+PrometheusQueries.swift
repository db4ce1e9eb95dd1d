import BudgetKit

extension BudgetTree {
  /// The queries of the tree's Prometheus import mappings (`tool: prometheus`), in path order
  /// and then as written.
  public var prometheusQueries: [PrometheusQuery] {
    imports.filter { $0.tool.value == .prometheus }.flatMap { mapping in
      mapping.figures.map { figure in
        var query = PrometheusQuery(
          budget: figure.budget.value, metric: figure.metric.value,
          unit: figure.unit?.value, location: figure.location)
        switch figure.source {
        case .figure(let selector):
          query.query = selector.query?.value
        case .events(let events):
          query.counted = events.counted.query?.value
          query.countsGood = events.countsGood
          query.total = events.total.query?.value
        }
        return query
      }
    }
  }
}
