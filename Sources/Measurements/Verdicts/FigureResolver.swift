import BudgetKit

/// Finds the figure a metric is judged by in a measured budget, and checks that it fits the
/// metric: its unit family, and its kind (raw samples for a cap, a series for an `slo`).
struct FigureResolver {
  let method: PercentileMethod
  let budget: BudgetName

  /// The metric's own figure, else the statistic its name ends in of the samples it names;
  /// nil when neither is measured.
  func figure(for metric: Metric, bound: Bound, in measured: MeasuredBudget) throws(CheckError)
    -> MeasuredFigure?
  {
    let name = metric.name.value
    let split = SampleStatistic.split(name.rawValue)
    if let entry = measured.entry(named: name) {
      return try figure(from: entry, statistic: split?.statistic, metric: name, bound: bound)
    }
    guard let split, let entry = measured.entry(named: MetricName(split.samples)),
      case .samples = entry.value
    else {
      return nil
    }
    return try figure(from: entry, statistic: split.statistic, metric: name, bound: bound)
  }

  private func figure(
    from entry: MeasuredEntry, statistic: SampleStatistic?, metric: MetricName, bound: Bound
  ) throws(CheckError) -> MeasuredFigure? {
    let figure: MeasuredFigure?
    switch entry.value {
    case .summary(let quantity):
      figure = MeasuredFigure(
        value: ExactValue.double(quantity.value), unit: quantity.value.unit,
        source: .summary(quantity.value), location: quantity.location)
    case .samples(let samples):
      figure = try sampleFigure(
        samples, named: entry.name.value, statistic: statistic, metric: metric, bound: bound)
    case .series(let series):
      figure = try seriesFigure(series, metric: metric, bound: bound)
    case .groups(let groups):
      throw .unusableFigure(
        metric: metric, budget: budget,
        reason: "figures per group measure a metric with `across` and a gap bound only",
        at: groups.location)
    case .drift(let samples):
      throw .unusableFigure(
        metric: metric, budget: budget,
        reason: "a `reference` and a `current` sample measure a metric with `drift` only",
        at: samples.location)
    case .gauge(let gauge):
      figure = try gaugeFigure(gauge, metric: metric, bound: bound)
    }
    if let figure { try checkFamily(figure, metric: metric, bound: bound) }
    return figure
  }

  private func sampleFigure(
    _ samples: SampleSet, named name: MetricName, statistic: SampleStatistic?, metric: MetricName,
    bound: Bound
  ) throws(CheckError) -> MeasuredFigure? {
    guard bound.slo == nil else {
      throw .unusableFigure(
        metric: metric, budget: budget,
        reason:
          "an `slo` metric takes its SLI as a ratio, or a series of good and total events, not raw samples",
        at: samples.location)
    }
    guard let statistic else {
      throw .unusableFigure(
        metric: metric, budget: budget,
        reason:
          "raw samples need a statistic at the end of the metric's name, such as `\(metric)_p95` or `\(metric)_max`",
        at: samples.location)
    }
    guard let value = samples.value(of: statistic, method: method) else { return nil }
    return MeasuredFigure(
      value: value, unit: samples.unit,
      source: .samples(name: name, statistic: statistic, method: method, count: samples.count),
      location: samples.location)
  }

  private func seriesFigure(_ series: SLISeries, metric: MetricName, bound: Bound)
    throws(CheckError) -> MeasuredFigure?
  {
    guard bound.slo != nil, let window = bound.window else {
      throw .unusableFigure(
        metric: metric, budget: budget,
        reason: "an SLI series (good and total events) measures an `slo` metric only",
        at: series.location)
    }
    let events = series.events(overLast: ExactValue.double(window))
    guard let ratio = events.ratio else { return nil }
    return MeasuredFigure(
      value: ratio, unit: QuantityUnit.named("%") ?? .plain,
      source: .series(series, events: events), location: series.location)
  }

  private func gaugeFigure(_ gauge: GaugeSeries, metric: MetricName, bound: Bound)
    throws(CheckError) -> MeasuredFigure?
  {
    guard bound.slo == nil else {
      throw .unusableFigure(
        metric: metric, budget: budget,
        reason:
          "a gauge series measures a cap or floor by its latest point; an `slo` metric takes good and total events",
        at: gauge.location)
    }
    guard let last = gauge.series.last else { return nil }
    return MeasuredFigure(
      value: UnitScale(gauge.unit).toBase(last.value), unit: gauge.unit,
      source: .latest(points: gauge.series.count, time: last.time), location: gauge.location)
  }

  /// The figure's family must be the metric's; a ratio lies within 0–100%.
  private func checkFamily(_ figure: MeasuredFigure, metric: MetricName, bound: Bound)
    throws(CheckError)
  {
    let reference = bound.slo ?? bound.max ?? bound.min
    guard let reference else { return }
    let expected: UnitFamily = bound.slo != nil ? .ratio : reference.family
    guard let family = figure.family.unified(with: expected) else {
      let limit = bound.fields.map { "\($0.key.rawValue): \($0.value.text)" }.joined(
        separator: ", ")
      throw .unitMismatch(
        metric: metric, budget: budget, measured: figure.text, family: figure.family,
        expected: expected, limit: limit,
        at: figure.location)
    }
    if family == .ratio, figure.value > 1 {
      throw .unusableFigure(
        metric: metric, budget: budget, reason: "`\(figure.text)` is above 100% for a ratio",
        at: figure.location)
    }
  }
}
