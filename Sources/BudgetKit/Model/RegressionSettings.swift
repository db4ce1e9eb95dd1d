/// How a metric's figures are judged against its recorded history, as a budget overrides the
/// defaults (`regression: { sigma: 3, min_change: 5%, min_absolute: 2ms, min_runs: 5 }`).
///
/// Every field is optional: one that is not written keeps the default documented in
/// `docs/history.md`. The settings change no verdict against the budget itself.
public struct RegressionSettings: Sendable, Hashable {
  /// How many scaled median absolute deviations from the median a figure must move.
  public var sigma: Double?
  /// The smallest relative move that counts, as a ratio (`5%`).
  public var minChange: Quantity?
  /// The smallest absolute move that counts, in the metric's unit family (`2ms`).
  public var minAbsolute: Quantity?
  /// How many recorded runs are needed before anything is judged.
  public var minRuns: Int?
  /// Where `regression:` is written.
  public var location: SourceLocation?

  public init(
    sigma: Double? = nil, minChange: Quantity? = nil, minAbsolute: Quantity? = nil,
    minRuns: Int? = nil, location: SourceLocation? = nil
  ) {
    self.sigma = sigma
    self.minChange = minChange
    self.minAbsolute = minAbsolute
    self.minRuns = minRuns
    self.location = location
  }

  /// The allowed range of `min_runs`: a median and a spread need at least two runs.
  public static let minRunsRange = 2...10_000
  /// The allowed range of `sigma`.
  public static let sigmaRange = 0.5...100.0

  public static func == (lhs: RegressionSettings, rhs: RegressionSettings) -> Bool {
    lhs.sigma == rhs.sigma && lhs.minRuns == rhs.minRuns
      && lhs.minChange?.canonicalText == rhs.minChange?.canonicalText
      && lhs.minAbsolute?.canonicalText == rhs.minAbsolute?.canonicalText
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(sigma)
    hasher.combine(minRuns)
    hasher.combine(minChange?.canonicalText)
    hasher.combine(minAbsolute?.canonicalText)
  }

  /// The settings as written, for people and the diff: `sigma: 3, min_change: 5%`.
  public var text: String {
    var parts: [String] = []
    if let sigma { parts.append("sigma: \(Self.number(sigma))") }
    if let minChange { parts.append("min_change: \(minChange.text)") }
    if let minAbsolute { parts.append("min_absolute: \(minAbsolute.text)") }
    if let minRuns { parts.append("min_runs: \(minRuns)") }
    return parts.joined(separator: ", ")
  }

  private static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }
}
