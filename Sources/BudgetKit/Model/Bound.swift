/// The limits of one metric: a ceiling, a floor, both, or an SLO target over a window.
///
/// Also used, partially filled, for environment overrides and exceptions.
public struct Bound: Sendable, Hashable {
  /// The fields that are set, in `BoundKey` order. A metric sets one or two of the four, and a
  /// tree holds tens of thousands of bounds: keeping only what is set, out of line, keeps each
  /// metric small.
  private var storage: [Field] = []

  private struct Field: Sendable, Hashable {
    var key: BoundKey
    var value: Quantity
  }

  public var max: Quantity? {
    get { self[.max] }
    set { self[.max] = newValue }
  }

  public var min: Quantity? {
    get { self[.min] }
    set { self[.min] = newValue }
  }

  public var slo: Quantity? {
    get { self[.slo] }
    set { self[.slo] = newValue }
  }

  public var window: Quantity? {
    get { self[.window] }
    set { self[.window] = newValue }
  }

  public init(
    max: Quantity? = nil, min: Quantity? = nil, slo: Quantity? = nil, window: Quantity? = nil
  ) {
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
    storage.map { ($0.key, $0.value) }
  }

  public subscript(key: BoundKey) -> Quantity? {
    get { storage.first { $0.key == key }?.value }
    set {
      let index = storage.firstIndex { $0.key == key }
      switch (index, newValue) {
      case (let index?, let value?): storage[index].value = value
      case (let index?, nil): storage.remove(at: index)
      case (nil, let value?):
        let order = BoundKey.allCases.firstIndex(of: key)!
        let position =
          storage.firstIndex { BoundKey.allCases.firstIndex(of: $0.key)! > order }
          ?? storage.endIndex
        storage.insert(Field(key: key, value: value), at: position)
      case (nil, nil): break
      }
    }
  }

  public static func == (lhs: Bound, rhs: Bound) -> Bool {
    lhs.storage == rhs.storage
  }

  /// Hashes the four fields in order, nil or not, as a struct of four optionals would.
  public func hash(into hasher: inout Hasher) {
    for key in BoundKey.allCases {
      hasher.combine(self[key])
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
