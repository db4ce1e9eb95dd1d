import BudgetKit

extension RecordedRun {
  /// The run's figures as a measurements document that `BudgetChecker` judges against `tree`:
  /// a summary value as recorded, an SLI series as recorded, and for a metric that takes a
  /// statistic of raw samples (`latency_p95`), that statistic read from the recorded summary of
  /// the samples, as an exact value in the samples' unit. Figures the tree has no metric for are
  /// left out; so are budgets it does not have. With `keeping`, so are the metrics it turns
  /// down.
  public func measurements(
    for tree: BudgetTree, method: PercentileMethod, keeping: ((MetricName) -> Bool)? = nil
  ) -> Measurements {
    let place = SourceLocation.start(of: "run \(id.rawValue)")
    var budgets: [MeasuredBudget] = []
    for recorded in self.budgets {
      guard let budget = tree.budget(named: recorded.name) else { continue }
      var entries: [MeasuredEntry] = []
      for name in budget.metricOrder where keeping?(name) ?? true {
        guard let value = Self.value(of: name, in: recorded, method: method, at: place) else {
          continue
        }
        entries.append(MeasuredEntry(name: Located(name, at: place), value: value))
      }
      if !entries.isEmpty {
        budgets.append(MeasuredBudget(name: Located(recorded.name, at: place), entries: entries))
      }
    }
    return Measurements(
      path: "run \(id.rawValue)", environment: Located(environment, at: place), budgets: budgets)
  }

  private static func value(
    of metric: MetricName, in budget: RecordedBudget, method: PercentileMethod,
    at place: SourceLocation
  ) -> MeasuredValue? {
    let split = SampleStatistic.split(metric.rawValue)
    if let figure = budget.figure(named: metric) {
      switch figure.value {
      case .summary(let quantity): return .summary(Located(quantity, at: place))
      case .series(let series): return .series(series.series(at: place))
      case .samples(let samples):
        return statistic(split?.statistic ?? .mean, of: samples, method: method, at: place)
      }
    }
    guard let split, let figure = budget.figure(named: MetricName(split.samples)),
      case .samples(let samples) = figure.value
    else { return nil }
    return statistic(split.statistic, of: samples, method: method, at: place)
  }

  private static func statistic(
    _ statistic: SampleStatistic, of samples: SampleSummary, method: PercentileMethod,
    at place: SourceLocation
  ) -> MeasuredValue? {
    guard let value = samples.value(of: statistic, method: method),
      case .success(let quantity) = QuantityParser.parse(
        QuantityText.format(value, in: samples.unit))
    else { return nil }
    return .summary(Located(quantity, at: place))
  }
}
