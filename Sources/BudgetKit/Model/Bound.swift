/// The limits of one metric: a ceiling, a floor, both, or an SLO target over a window.
///
/// Also used, partially filled, for environment overrides and exceptions.
public struct Bound: Sendable, Hashable {
  public var max: Quantity?
  public var min: Quantity?
  public var slo: Quantity?
  public var window: Quantity?

  public init(max: Quantity? = nil, min: Quantity? = nil, slo: Quantity? = nil, window: Quantity? = nil) {
    self.max = max
    self.min = min
    self.slo = slo
    self.window = window
  }

  /// This bound with every field the override sets replaced.
  public func overridden(by override: Bound) -> Bound {
    Bound(
      max: override.max ?? max, min: override.min ?? min, slo: override.slo ?? slo,
      window: override.window ?? window)
  }

  /// The fields that are set, by key, in a fixed order.
  public var fields: [(key: BoundKey, value: Quantity)] {
    BoundKey.allCases.compactMap { key in self[key].map { (key, $0) } }
  }

  public subscript(key: BoundKey) -> Quantity? {
    get {
      switch key {
      case .max: max
      case .min: min
      case .slo: slo
      case .window: window
      }
    }
    set {
      switch key {
      case .max: max = newValue
      case .min: min = newValue
      case .slo: slo = newValue
      case .window: window = newValue
      }
    }
  }
}

/// One field of a bound, and which way is looser.
public enum BoundKey: String, Sendable, CaseIterable, Hashable {
  case max
  case min
  case slo
  case window

  /// Whether a larger value is looser (a ceiling) or tighter (a floor or a target); nil where
  /// direction has no meaning (an SLO window).
  public var largerIsLooser: Bool? {
    switch self {
    case .max: true
    case .min, .slo: false
    case .window: nil
    }
  }
}
