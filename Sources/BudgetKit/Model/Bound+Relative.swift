import Foundation

extension Bound {
  /// The floor `max_drop` sets: `baseline × (1 − max_drop)`, in the baseline's unit.
  public var relativeFloor: Quantity? {
    guard let baseline, let drop = self[.maxDrop] else { return nil }
    return Self.scaled(baseline, by: 1 - drop.baseValue, label: "\(drop.text) below baseline")
  }

  /// The ceiling `max_rise` sets: `baseline × (1 + max_rise)`, in the baseline's unit.
  public var relativeCeiling: Quantity? {
    guard let baseline, let rise = self[.maxRise] else { return nil }
    return Self.scaled(baseline, by: 1 + rise.baseValue, label: "\(rise.text) above baseline")
  }

  /// This bound with its relative limits written as the absolute `min` and `max` they set, and
  /// `baseline`, `max_drop` and `max_rise` dropped: what a figure is judged against.
  public var resolved: Bound {
    guard isRelative else { return self }
    var result = self
    if let floor = relativeFloor { result.min = floor }
    if let ceiling = relativeCeiling { result.max = ceiling }
    result[.baseline] = nil
    result[.maxDrop] = nil
    result[.maxRise] = nil
    return result
  }

  /// Whether raising the baseline tightens this bound (a relative floor), loosens it (a
  /// relative ceiling), or both (a band relative on both sides); nil without a relative bound.
  public var baselineRaises: ChangeKind? {
    switch (self[.maxDrop] != nil, self[.maxRise] != nil) {
    case (true, false): .tighten
    case (false, true): .loosen
    case (true, true): .changed
    case (false, false): nil
    }
  }

  /// A baseline scaled by a factor, written in the baseline's unit.
  static func scaled(_ baseline: Quantity, by factor: Decimal, label: String) -> Quantity {
    var magnitude = baseline.magnitude * factor
    var rounded = Decimal()
    NSDecimalRound(&rounded, &magnitude, 12, .plain)
    let number = "\(rounded)"
    let text: String
    if case .money = baseline.unit.family {
      text = "\(number) \(baseline.unit.symbol)"
    } else {
      text = number + baseline.unit.symbol
    }
    return Quantity(magnitude: rounded, unit: baseline.unit, text: text)
  }
}
