/// Whether the caps of a whole's parts add up to more than the whole's own cap: parts capped
/// at 40 + 40 + 30 under a whole capped at 100 can all pass while the whole fails.
public struct CapsSum: Sendable, Equatable {
  /// Σ of the parts' caps.
  public var sum: Double
  public var wholeCap: Double
  /// True when `sum > wholeCap`.
  public var exceeds: Bool
  /// `sum − wholeCap`, when positive; else 0.
  public var excess: Double

  public init(wholeCap: Double, partCaps: [Double]) {
    let sum = partCaps.reduce(0, +)
    self.sum = sum
    self.wholeCap = wholeCap
    self.exceeds = sum > wholeCap
    self.excess = sum > wholeCap ? sum - wholeCap : 0
  }
}
