/// Spend so far in a billing period and where a linear run rate takes it by the period's end.
///
/// With the period [start, end) holding the instant `at`, spend S to date (points with
/// start ≤ time ≤ at), elapsed time e = at − start and length L = end − start:
/// elapsed fraction `e / L`, run rate `S / e`, projected total `S / e × L`. Nothing elapsed
/// (at = start) is insufficient data, never a division by zero.
public struct PeriodProjection: Sendable, Equatable {
  /// How the series records spend.
  public enum Recording: String, Sendable, CaseIterable {
    /// Each point is one charge: the spend to date is their sum.
    case perEvent
    /// Each point is the total since the period started (a month-to-date bill): the spend to
    /// date is the last point's value.
    case periodToDate
    /// Each point is a running total that does not reset (a meter): the spend to date is the
    /// last value minus the last value at or before the period's start.
    case runningTotal
  }

  public enum Insufficiency: Sendable, Equatable {
    /// `at` is the period's first instant: no time has elapsed.
    case noElapsedTime
    /// No point in the period up to `at`.
    case noSpendPoints
    /// A running total with no point at or before the period's start to measure from.
    case noBaseline
  }

  public enum Outcome: Sendable, Equatable {
    case projection(PeriodProjection)
    case insufficientData(Insufficiency, periodStart: Double, periodEnd: Double)
    /// `at` is not finite or lies outside the years 1 to 9999 (`BillingPeriod.instants`).
    case instantOutOfRange

    public var projection: PeriodProjection? {
      if case .projection(let projection) = self { return projection }
      return nil
    }
  }

  public var period: BillingPeriod
  /// Seconds since 1970.
  public var periodStart: Double
  public var periodEnd: Double
  public var at: Double
  public var spendToDate: Double
  /// Elapsed time over the period's length, in (0, 1].
  public var elapsedFraction: Double
  /// Spend per second so far.
  public var runRate: Double
  /// `spendToDate / elapsed × length`.
  public var projectedTotal: Double

  /// The projection for the period holding `at`; points after `at` are ignored, and points
  /// with a non-finite value are skipped.
  public static func project(
    _ spend: TimeSeries, recording: Recording, period: BillingPeriod, at: Double
  ) -> Outcome {
    guard let (start, end) = period.bounds(containing: at) else {
      return .instantOutOfRange
    }
    func insufficient(_ reason: Insufficiency) -> Outcome {
      .insufficientData(reason, periodStart: start, periodEnd: end)
    }
    let points = zip(spend.times, spend.values).filter { $0.1.isFinite }
    let inPeriod = points.filter { $0.0 >= start && $0.0 <= at }
    let spent: Double
    switch recording {
    case .perEvent:
      spent = inPeriod.reduce(0) { $0 + $1.1 }
    case .periodToDate:
      guard let last = inPeriod.last else { return insufficient(.noSpendPoints) }
      spent = last.1
    case .runningTotal:
      guard let baseline = points.last(where: { $0.0 <= start }) else {
        return insufficient(.noBaseline)
      }
      let last = points.last(where: { $0.0 <= at }) ?? baseline
      spent = last.1 - baseline.1
    }
    let elapsed = at - start
    guard elapsed > 0 else { return insufficient(.noElapsedTime) }
    let length = end - start
    let rate = spent / elapsed
    return .projection(
      PeriodProjection(
        period: period, periodStart: start, periodEnd: end, at: at, spendToDate: spent,
        elapsedFraction: elapsed / length, runRate: rate, projectedTotal: rate * length))
  }
}
