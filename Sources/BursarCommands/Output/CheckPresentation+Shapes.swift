import BudgetKit
import Foundation
import Measurements

/// The words of the later metric shapes, shared by the text, Markdown and JUnit renderers: a
/// baseline's limits, a gap's worst pair, a drift test, a window, parts' shares, a period's
/// projection, and the composite health.
extension CheckPresentation {
  /// The limits beyond `max`, `min` and `slo`: `min 0.874 (0.95 less 8%)`, `max_difference 3%`,
  /// `p ≥ 0.05`; and the window of a rolling gauge.
  static func shapeLimit(_ bound: Bound) -> [String] {
    var parts: [String] = []
    if let baseline = bound.baseline {
      if let floor = bound.relativeFloor, let drop = bound[.maxDrop] {
        parts.append("min \(floor.text) (\(baseline.text) less \(drop.text))")
      }
      if let ceiling = bound.relativeCeiling, let rise = bound[.maxRise] {
        parts.append("max \(ceiling.text) (\(baseline.text) plus \(rise.text))")
      }
    }
    if let difference = bound[.maxDifference] { parts.append("max_difference \(difference.text)") }
    if let ratio = bound[.minRatio] { parts.append("min_ratio \(ratio.text)") }
    if let floor = bound[.pValue] { parts.append("p ≥ \(floor.text)") }
    return parts
  }

  /// The notes a later shape adds under its result.
  static func shapeNotes(_ result: MetricCheck) -> [String] {
    guard let shape = result.shape else { return [] }
    var notes: [String] = []
    if let relative = shape.relative, let change = relative.change {
      let direction = change < 0 ? "below" : "above"
      notes.append(
        "\(result.figure?.text ?? "the figure") is \(NumberText.percent(abs(change), significantDigits: 3)) \(direction) the baseline \(relative.baseline.text)"
      )
    }
    if let gap = shape.groupGap { notes += groupGapNotes(gap) }
    if let drift = shape.drift { notes.append(driftNote(drift)) }
    if let rolling = shape.rolling { notes.append(rollingNote(rolling)) }
    if let parts = shape.parts { notes.append(partsNote(parts)) }
    if let period = shape.period { notes.append(periodNote(period)) }
    return notes
  }

  private static func groupGapNotes(_ gap: GroupGapOutcome) -> [String] {
    var notes: [String] = []
    let value = { (number: Double) in QuantityText.format(number, in: gap.unit) }
    if let difference = gap.difference, let pair = gap.differencePair {
      notes.append(
        "worst pair across \(gap.across): \(pair.high) \(value(pair.highValue)) vs \(pair.low) \(value(pair.lowValue)), a difference of \(value(difference)) (\(gap.method.rawValue), \(gap.groups) groups)"
      )
    }
    if let ratio = gap.ratio, let pair = gap.ratioPair {
      var note =
        "smallest ratio across \(gap.across): \(pair.low) \(value(pair.lowValue)) to \(pair.high) \(value(pair.highValue)), \(NumberText.format(ratio, significantDigits: 4)) (\(gap.method.rawValue), \(gap.groups) groups)"
      if let evaluation = gap.ratioEvaluation, evaluation.fails, let floor = evaluation.bound.min {
        note += ", below min_ratio \(floor.text)"
      }
      notes.append(note)
    }
    if gap.difference == nil && gap.ratio == nil {
      notes.append("insufficient data: the groups across \(gap.across) give no gap")
    }
    return notes
  }

  private static func driftNote(_ drift: DriftOutcome) -> String {
    let samples =
      "reference \(drift.referenceCount), current \(drift.currentCount) samples"
    guard let pValue = drift.pValue, let statistic = drift.statistic else {
      return
        "insufficient data: \(samples); each needs at least \(drift.minSamples) (min_samples)"
    }
    let p = NumberText.format(pValue, significantDigits: 3)
    let d = NumberText.format(statistic, significantDigits: 3)
    let floor = ExactValue.double(drift.floor)
    let verdict =
      pValue < floor
      ? "p \(p) < \(drift.floor.text): drift" : "p \(p) ≥ \(drift.floor.text): no drift"
    return "two-sample KS test: D \(d), \(verdict) (\(samples))"
  }

  private static func rollingNote(_ rolling: RollingOutcome) -> String {
    let end = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: rolling.to))
    guard rolling.count > 0 else {
      return
        "insufficient data: no value in the \(rolling.window.text) ending \(end) (\(rolling.measured) measured)"
    }
    return
      "\(rolling.statistic.rawValue) of \(rolling.count) of \(rolling.measured) values in the \(rolling.window.text) ending \(end)"
  }

  private static func partsNote(_ parts: PartsOutcome) -> String {
    var items = parts.shares.map { share in
      guard let value = share.share else { return "\(share.metric) not measured" }
      return "\(share.metric) \(NumberText.percent(value, significantDigits: 3))"
    }
    if let unaccounted = parts.unaccounted {
      items.append("unaccounted \(NumberText.percent(unaccounted, significantDigits: 3))")
    }
    return "share of the measured whole: " + items.joined(separator: " · ")
  }

  private static func periodNote(_ period: PeriodOutcome) -> String {
    let day = { (date: Date) in CalendarDay(date: date).description }
    let span = "\(period.period.rawValue) \(day(period.start))..\(day(period.end))"
    guard let projected = period.projected else {
      return "\(span): insufficient data to project (no time has elapsed in the period)"
    }
    let total = QuantityText.format(projected, in: period.cap.unit)
    let elapsed = NumberText.percent(period.elapsed, significantDigits: 3)
    if period.projectionBreaches {
      return
        "warning: \(span), \(elapsed) elapsed: the run rate projects \(total) for the period, above max \(period.cap.text)"
    }
    return
      "\(span), \(elapsed) elapsed: the run rate projects \(total) for the period, within max \(period.cap.text)"
  }

  /// `composite health (visibility only): 75% — latency 100% ×0.3 · quality 50% ×0.7; the
  /// verdict is decided by quality`; nil without weights.
  static func composite(_ report: CheckReport) -> String? {
    guard let summary = report.composite else { return nil }
    let dimensions = summary.dimensions.map { dimension in
      let health =
        dimension.health.map { NumberText.percent($0, significantDigits: 3) } ?? "not judged"
      return "\(dimension.name) \(health) ×\(NumberText.format(dimension.weight))"
    }.joined(separator: " · ")
    let composite =
      summary.composite.map { NumberText.percent($0, significantDigits: 3) } ?? "not judged"
    let decided =
      summary.decidedBy.map {
        "; the verdict is decided by \($0), the most constraining dimension"
      } ?? "; no dimension fails the check"
    return
      "composite health (visibility only, never the exit code): \(composite) — \(dimensions)\(decided)"
  }
}
