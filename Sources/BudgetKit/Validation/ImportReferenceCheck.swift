/// Checks import mappings against the budgets they name: each budget and metric exists, the
/// entry's shape fits the metric (one figure for a cap or floor, good or bad and total events
/// for an `slo`), its `unit` is of the metric's family, and no metric is mapped twice from the
/// same tool.
struct ImportReferenceCheck {
  let budgets: [Budget]
  let collector: DiagnosticCollector
  /// Every budget name of the tree, for hints, when `budgets` are only part of it.
  var hintNames: [String]? = nil

  func check(_ mappings: [ImportMapping]) {
    let byName = Dictionary(
      budgets.map { ($0.name.value, $0) }, uniquingKeysWith: { first, _ in first })
    let names = hintNames ?? byName.keys.map(\.rawValue).sorted()
    var mapped: [ImportMappingTool: [String: SourceLocation]] = [:]
    for mapping in mappings.sorted(by: { $0.path < $1.path }) {
      for figure in mapping.figures {
        guard let budget = byName[figure.budget.value] else {
          collector.report(
            .unknownBudget, at: figure.budget.location,
            "budget `\(figure.budget.value)` does not exist",
            hint: Suggestion.hint(for: figure.budget.value.rawValue, among: names))
          continue
        }
        guard let metric = budget.metrics[figure.metric.value] else {
          collector.report(
            .unknownMetric, at: figure.metric.location,
            "`\(figure.metric.value)` is not a metric of budget `\(budget.name.value)`",
            hint: Suggestion.hint(
              for: figure.metric.value.rawValue, among: budget.metricOrder.map(\.rawValue)))
          continue
        }
        let key = "\(budget.name.value)\u{0}\(metric.name.value)"
        if let first = mapped[mapping.tool.value]?[key] {
          collector.report(
            .importDuplicate, at: figure.metric.location,
            "`\(metric.name.value)` of `\(budget.name.value)` is mapped from \(mapping.tool.value.rawValue) a second time",
            hint: "it is mapped at \(first); keep one entry")
        } else {
          mapped[mapping.tool.value, default: [:]][key] = figure.location
        }
        checkShape(figure, metric: metric, budget: budget)
      }
    }
  }

  private func checkShape(_ figure: MappedFigure, metric: Metric, budget: Budget) {
    let what = "`\(metric.name.value)` of `\(budget.name.value)`"
    switch (figure.source, metric.bound.slo) {
    case (.figure, _?):
      collector.report(
        .importTarget, at: figure.location,
        "\(what) is an `slo` metric, measured by good and total events, but the entry maps one figure",
        hint: "map `good:` (or `bad:`) and `total:` events instead")
    case (.events, nil):
      collector.report(
        .importTarget, at: figure.location,
        "\(what) is a cap or floor, measured by one figure, but the entry maps good/total events",
        hint: "map the one figure that measures it, or give the metric an `slo`")
    case (.events, _?):
      if let unit = figure.unit, unit.value.family != .number {
        collector.report(
          .unitMismatch, at: unit.location,
          "`unit: \(unit.value.symbol)` for \(what): good and total events are plain counts",
          hint: "leave `unit` out")
      }
    case (.figure, nil):
      guard let unit = figure.unit, let reference = metric.bound.max ?? metric.bound.min else {
        return
      }
      if unit.value.family.unified(with: reference.family) == nil {
        collector.report(
          .unitMismatch, at: unit.location,
          "`unit: \(unit.value.symbol)` is a \(unit.value.family), but \(what) is capped in \(reference.family) (`\(reference.text)`)",
          hint: "give the unit the tool writes the figure in, of the metric's family")
      }
    }
  }
}
