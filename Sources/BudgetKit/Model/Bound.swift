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
    var result = self
    for (key, value) in override.fields { result[key] = value }
    return result
  }

  /// The reference a relative bound (`max_drop`, `max_rise`) is measured against.
  public var baseline: Quantity? {
    get { self[.baseline] }
    set { self[.baseline] = newValue }
  }

  /// Whether a limit is written relative to `baseline`.
  public var isRelative: Bool { self[.maxDrop] != nil || self[.maxRise] != nil }

  /// Whether the metric is judged by the gap between groups (`max_difference` or `min_ratio`).
  public var isGroupGap: Bool { self[.maxDifference] != nil || self[.minRatio] != nil }

  /// A `max` or `min` (absolute or relative) averaged over a trailing `window`, not an `slo`.
  public var isRollingGauge: Bool {
    window != nil && slo == nil
      && (max != nil || min != nil || isRelative)
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
///
/// The first four are format v1's own; the others are the shapes added since, kept after them
/// so that a bound of the first four orders, hashes and compares as it always did.
public enum BoundKey: String, Sendable, CaseIterable, Hashable {
  case max
  case min
  case slo
  case window
  /// The known-good value relative bounds are measured against.
  case baseline
  /// The largest loss allowed relative to `baseline`, as a ratio: a floor at
  /// `baseline × (1 − max_drop)`.
  case maxDrop = "max_drop"
  /// The largest rise allowed relative to `baseline`, as a ratio: a ceiling at
  /// `baseline × (1 + max_rise)`.
  case maxRise = "max_rise"
  /// The largest gap allowed between groups (or between a group and the whole).
  case maxDifference = "max_difference"
  /// The smallest ratio allowed between groups (smallest over largest), or a group to the whole.
  case minRatio = "min_ratio"
  /// The p-value below which a drift test alerts.
  case pValue = "p_value"
  /// The fewest values each sample of a drift test needs for a verdict.
  case minSamples = "min_samples"

  /// The YAML key of the field.
  public var key: String { rawValue }

  /// Whether a larger value is looser (a ceiling) or tighter (a floor or a target); nil where
  /// direction has no meaning by itself (an SLO window, a baseline: its direction depends on
  /// the relative bounds it anchors).
  public var largerIsLooser: Bool? {
    switch self {
    case .max, .maxDrop, .maxRise, .maxDifference, .minSamples: true
    case .min, .slo, .minRatio, .pValue: false
    case .window, .baseline: nil
    }
  }

  /// The fields of format v1 as first published: `max`, `min`, `slo`, `window`.
  public static let original: [BoundKey] = [.max, .min, .slo, .window]
}
