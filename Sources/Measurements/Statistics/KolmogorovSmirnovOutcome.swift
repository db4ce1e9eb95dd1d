/// What a two-sample Kolmogorov–Smirnov test says: a result, or too few values to say anything.
public enum KolmogorovSmirnovOutcome: Sendable, Equatable {
  case result(KolmogorovSmirnovResult)
  /// A sample has fewer values than the test's minimum (at least 1: an empty sample has no
  /// ECDF).
  case insufficientData(firstCount: Int, secondCount: Int, minimum: Int)

  /// The result, when there is one.
  public var result: KolmogorovSmirnovResult? {
    if case .result(let result) = self { return result }
    return nil
  }
}
