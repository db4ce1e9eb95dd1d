/// Each part's share of a whole (each service's share of the monthly bill, each stage's share
/// of a request's latency): `part / whole`, with what the parts leave unaccounted.
public struct PartShares: Sendable, Equatable {
  public struct Share: Sendable, Equatable {
    public var part: String
    public var value: Double
    /// `value / whole`.
    public var share: Double
  }

  public enum Outcome: Sendable, Equatable {
    case shares(PartShares)
    /// The whole is zero: shares of nothing are undefined.
    case wholeIsZero
    /// The whole or a part (named) is NaN or infinite.
    case notFinite(part: String?)

    public var shares: PartShares? {
      if case .shares(let shares) = self { return shares }
      return nil
    }
  }

  public var whole: Double
  public var shares: [Share]
  /// Σ parts.
  public var sumOfParts: Double
  /// `whole − Σ parts`: what no part accounts for (negative when the parts add up to more).
  public var unaccounted: Double

  /// The shares, in the order of the parts.
  public static func of(whole: Double, parts: [(part: String, value: Double)]) -> Outcome {
    guard whole.isFinite else { return .notFinite(part: nil) }
    if let bad = parts.first(where: { !$0.value.isFinite }) { return .notFinite(part: bad.part) }
    guard whole != 0 else { return .wholeIsZero }
    let sum = parts.reduce(0) { $0 + $1.value }
    return .shares(
      PartShares(
        whole: whole,
        shares: parts.map { Share(part: $0.part, value: $0.value, share: $0.value / whole) },
        sumOfParts: sum, unaccounted: whole - sum))
  }
}
