import BudgetKit
import Foundation

/// The figure of a metric of a later shape — a drift test, a group gap, a rolling gauge — and
/// what `check` found beside it, computed by the statistics of `Statistics/`.
struct ShapeJudge {
  let budget: BudgetName
  /// The instant checked: a rolling window ends there; a period is the one containing it.
  let at: Date

  /// A figure (nil when too little was measured to give one) and what there is to say.
  struct Reading {
    var figure: MeasuredFigure?
    var outcome: ShapeOutcome
  }

  /// The default p-value floor of a drift test: alert at p < 0.05.
  static let defaultPValue = Quantity(
    magnitude: Decimal(string: "0.05")!, unit: .plain, text: "0.05")
  /// The default fewest values of each drift sample.
  static let defaultMinSamples = 20

  /// Whether the metric's figure is read here rather than by `FigureResolver`.
  static func reads(_ metric: Metric, bound: Bound) -> Bool {
    metric.shape.drift != nil || metric.shape.across != nil || bound.isRollingGauge
  }

  /// The bound the figure is judged against: relative limits resolved to absolute ones; for a
  /// group gap the cap on the difference, else the floor on the ratio; for a drift test the
  /// p-value floor.
  static func judgedBound(_ bound: Bound, shape: MetricShape) -> Bound {
    if shape.drift != nil { return Bound(min: bound[.pValue] ?? defaultPValue) }
    if shape.across != nil {
      if let difference = bound[.maxDifference] { return Bound(max: difference) }
      return Bound(min: bound[.minRatio])
    }
    var judged = bound.resolved
    if judged.slo == nil { judged.window = nil }
    return judged
  }

  /// `reference` is the reference sample a recorded run gave, for a drift test whose
  /// `reference` names one; the measurements then give the current sample alone.
  func reading(
    for metric: Metric, bound: Bound, in measured: MeasuredBudget, reference: SampleSet? = nil
  ) throws(CheckError) -> Reading? {
    guard let entry = measured.entry(named: metric.name.value) else { return nil }
    if metric.shape.drift != nil {
      return try drift(entry, metric: metric, bound: bound, reference: reference)
    }
    if metric.shape.across != nil { return try gap(entry, metric: metric, bound: bound) }
    return try rolling(entry, metric: metric, bound: bound)
  }

  // MARK: Drift

  private func drift(
    _ entry: MeasuredEntry, metric: Metric, bound: Bound, reference recorded: SampleSet?
  ) throws(CheckError) -> Reading {
    let samples: DriftSamples
    switch (entry.value, metric.shape.driftReference) {
    case (.drift(let both), .measurements):
      samples = both
    case (.samples(let current), .recorded(let source)):
      guard let recorded else {
        throw unusable(
          metric, "the reference sample of `\(source)` was not read", at: current.location)
      }
      samples = DriftSamples(reference: recorded, current: current, location: current.location)
    case (_, .recorded(let source)):
      throw unusable(
        metric,
        "the budget takes the reference sample from `\(source)`: give the current sample alone, as raw `samples`",
        at: entry.value.location)
    default:
      throw unusable(
        metric, "a drift test takes a `reference` and a `current` sample", at: entry.value.location)
    }
    let minimum = bound[.minSamples].map { Int(ExactValue.double($0)) } ?? Self.defaultMinSamples
    let floor = bound[.pValue] ?? Self.defaultPValue
    let test = KolmogorovSmirnovTest(minimumSampleSize: minimum)
    let outcome: KolmogorovSmirnovOutcome
    do {
      outcome = try test(samples.reference.sorted, samples.current.sorted)
    } catch {
      throw unusable(metric, "the samples hold a value that is not finite", at: samples.location)
    }
    let result = outcome.result
    let drift = DriftOutcome(
      test: metric.shape.drift?.value ?? .ks, reference: metric.shape.driftReference,
      referenceCount: samples.reference.count, currentCount: samples.current.count,
      minSamples: minimum, floor: floor, statistic: result?.statistic, pValue: result?.pValue)
    let figure = result.map {
      MeasuredFigure(
        value: $0.pValue, unit: .plain, source: .derived("p-value of the two-sample KS test"),
        location: samples.location)
    }
    return Reading(figure: figure, outcome: ShapeOutcome(drift: drift))
  }

  // MARK: Group gaps

  private func gap(_ entry: MeasuredEntry, metric: Metric, bound: Bound) throws(CheckError)
    -> Reading
  {
    guard case .groups(let figures) = entry.value else {
      throw unusable(
        metric, "a group gap takes a figure per group, under `groups`", at: entry.value.location)
    }
    let gaps: GroupGaps
    let counted = figures.groups.allSatisfy { $0.count != nil && $0.total != nil }
    if counted, figures.overall == nil {
      gaps = GroupGaps.rates(
        figures.groups.map { ($0.name, $0.count ?? 0, $0.total ?? 0) }, minimumGroups: 2)
    } else {
      gaps = GroupGaps(
        groups: figures.groups.map { group in
          if let count = group.count, let total = group.total {
            return GroupFigure(group: group.name, numerator: count, total: total)
          }
          return GroupFigure(group: group.name, value: group.value)
        }, overall: figures.overall, minimumGroups: 2)
    }
    let method = GroupGaps.Method(rawValue: metric.shape.gapMethod.rawValue) ?? .betweenGroups
    let difference = bound[.maxDifference] != nil ? gaps.gap(.difference, method).gap : nil
    let ratio = bound[.minRatio] != nil ? gaps.gap(.ratio, method).gap : nil
    if let limit = bound[.maxDifference], figures.unit.family.unified(with: limit.family) == nil {
      throw .unitMismatch(
        metric: metric.name.value, budget: budget, measured: figures.unit.symbol,
        family: figures.unit.family, expected: limit.family,
        limit: "max_difference: \(limit.text)", at: figures.location)
    }
    let outcome = GroupGapOutcome(
      across: metric.shape.across?.value ?? "groups", method: metric.shape.gapMethod,
      groups: figures.groups.count, difference: difference?.value,
      differencePair: difference.map(Self.pair), ratio: ratio?.value,
      ratioPair: ratio.map(Self.pair), unit: figures.unit)
    let figure: MeasuredFigure?
    if bound[.maxDifference] != nil {
      figure = difference.map {
        MeasuredFigure(
          value: $0.value, unit: figures.unit, source: .derived("largest gap between groups"),
          location: figures.location)
      }
    } else {
      figure = ratio.map {
        MeasuredFigure(
          value: $0.value, unit: .plain, source: .derived("smallest ratio between groups"),
          location: figures.location)
      }
    }
    return Reading(figure: figure, outcome: ShapeOutcome(groupGap: outcome))
  }

  private static func pair(_ gap: GroupGaps.Gap) -> GroupPair {
    switch gap.pair {
    case .groups(let lowest, let highest):
      GroupPair(high: highest, highValue: gap.secondFigure, low: lowest, lowValue: gap.firstFigure)
    case .groupAndOverall(let group):
      gap.firstFigure >= gap.secondFigure
        ? GroupPair(
          high: group, highValue: gap.firstFigure, low: "overall", lowValue: gap.secondFigure)
        : GroupPair(
          high: "overall", highValue: gap.secondFigure, low: group, lowValue: gap.firstFigure)
    }
  }

  /// The ratio of a gap bounded both ways, judged against `min_ratio`.
  static func ratioEvaluation(
    _ outcome: GroupGapOutcome, bound: Bound, policy: BurnRatePolicy, at location: SourceLocation
  ) -> MetricEvaluation? {
    guard bound[.maxDifference] != nil, let floor = bound[.minRatio], let ratio = outcome.ratio
    else { return nil }
    let figure = MeasuredFigure(
      value: ratio, unit: .plain, source: .derived("smallest ratio between groups"),
      location: location)
    return MetricEvaluation(figure, against: Bound(min: floor), policy: policy)
  }

  // MARK: Rolling gauges

  private func rolling(_ entry: MeasuredEntry, metric: Metric, bound: Bound) throws(CheckError)
    -> Reading
  {
    guard case .gauge(let gauge) = entry.value, let window = bound.window else {
      throw unusable(
        metric, "a rolling gauge takes timestamped values, under `times` and `values`",
        at: entry.value.location)
    }
    let reference = bound.resolved.max ?? bound.resolved.min
    if let reference, gauge.unit.family.unified(with: reference.family) == nil {
      throw .unitMismatch(
        metric: metric.name.value, budget: budget, measured: gauge.unit.symbol,
        family: gauge.unit.family, expected: reference.family,
        limit: bound.fields.map { "\($0.key.rawValue): \($0.value.text)" }.joined(
          separator: ", "), at: gauge.location)
    }
    let statistic = RollingStatistic(rawValue: metric.shape.windowStatistic.rawValue) ?? .mean
    let length = ExactValue.double(window)
    let end = at.timeIntervalSince1970
    let outcome = RollingWindow(length: length, statistic: statistic)?.value(
      of: gauge.series, at: end)
    let points: Int
    switch outcome {
    case .value(_, let count)?: points = count
    case .insufficientData(let count, _)?: points = count
    case nil: points = 0
    }
    let rolling = RollingOutcome(
      window: window, statistic: metric.shape.windowStatistic, from: end - length, to: end,
      count: points, measured: gauge.series.count)
    let figure = outcome?.value.map {
      MeasuredFigure(
        value: $0, unit: gauge.unit,
        source: .derived("\(metric.shape.windowStatistic.rawValue) over \(window.text)"),
        location: gauge.location)
    }
    return Reading(figure: figure, outcome: ShapeOutcome(rolling: rolling))
  }

  // MARK: Periods

  /// The spend to date against its period, and the total the run rate so far projects.
  /// Nil when the instant has no calendar period (outside the years 1 to 9999).
  static func period(_ period: SpendPeriod, figure: MeasuredFigure, cap: Quantity, at: Date)
    -> PeriodOutcome?
  {
    let instant = at.timeIntervalSince1970
    let billing = BillingPeriod(rawValue: period.rawValue) ?? .month
    let outcome = PeriodProjection.project(
      TimeSeries(times: [instant], values: [figure.value]), recording: .periodToDate,
      period: billing, at: instant)
    let start: Double
    let end: Double
    var elapsed = 0.0
    var projected: Double?
    switch outcome {
    case .projection(let projection):
      (start, end) = (projection.periodStart, projection.periodEnd)
      elapsed = projection.elapsedFraction
      projected = projection.projectedTotal
    case .insufficientData(_, let periodStart, let periodEnd):
      (start, end) = (periodStart, periodEnd)
    case .instantOutOfRange:
      return nil
    }
    return PeriodOutcome(
      period: period, start: Date(timeIntervalSince1970: start),
      end: Date(timeIntervalSince1970: end), elapsed: elapsed, projected: projected, cap: cap,
      unit: figure.unit)
  }

  // MARK: Relative bounds

  static func relative(_ bound: Bound, figure: MeasuredFigure?) -> RelativeOutcome? {
    guard bound.isRelative, let baseline = bound.baseline else { return nil }
    let base = ExactValue.double(baseline)
    return RelativeOutcome(
      baseline: baseline, maxDrop: bound[.maxDrop], maxRise: bound[.maxRise],
      floor: bound.relativeFloor, ceiling: bound.relativeCeiling,
      change: figure.flatMap { base == 0 ? nil : ($0.value - base) / base })
  }

  private func unusable(_ metric: Metric, _ reason: String, at location: SourceLocation)
    -> CheckError
  {
    .unusableFigure(metric: metric.name.value, budget: budget, reason: reason, at: location)
  }
}
