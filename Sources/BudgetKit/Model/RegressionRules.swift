/// What the Owners file says of regressions against recorded history
/// (`regressions: { blocking: [latency] }`): by default a regression inside the budget is a
/// warning; in the dimensions listed here it fails `bursar check --against-history`.
public struct RegressionRules: Sendable, Hashable {
  /// The dimensions whose regressions block, in the order written.
  public var blocking: [DimensionName]
  /// Where each dimension is named, for messages.
  public var locations: [DimensionName: SourceLocation]

  public init(blocking: [DimensionName] = [], locations: [DimensionName: SourceLocation] = [:]) {
    self.blocking = blocking
    self.locations = locations
  }

  /// Whether a regression of a metric in this dimension blocks.
  public func blocks(_ dimension: DimensionName) -> Bool { blocking.contains(dimension) }

  public static func == (lhs: RegressionRules, rhs: RegressionRules) -> Bool {
    lhs.blocking == rhs.blocking
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(blocking) }
}
