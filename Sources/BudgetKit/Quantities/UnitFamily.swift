/// The kind of thing a quantity measures; only quantities of one family compare.
public enum UnitFamily: Hashable, Sendable, CustomStringConvertible {
  case duration
  case ratio
  case bytes
  /// Money in one currency (ISO 4217 code); two currencies never compare.
  case money(currency: String)
  case rate
  case energy
  /// A plain number: a count, or a ratio written as a fraction in [0, 1].
  case number

  public var description: String {
    switch self {
    case .duration: "duration"
    case .ratio: "ratio"
    case .bytes: "bytes"
    case .money(let currency): "money (\(currency))"
    case .rate: "rate"
    case .energy: "energy"
    case .number: "plain number"
    }
  }

  /// The family two quantities share when they may be compared, if any.
  ///
  /// A plain number joins a ratio (`0.95` is 95%) and stands for a count on its own.
  public func unified(with other: UnitFamily) -> UnitFamily? {
    if self == other { return self }
    switch (self, other) {
    case (.number, .ratio), (.ratio, .number): return .ratio
    default: return nil
    }
  }
}
