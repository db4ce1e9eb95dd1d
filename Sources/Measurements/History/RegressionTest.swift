/// The robust regression test of `docs/history.md#regressions`, in the manner of git-perf's
/// audit: a figure regressed when it lies more than `sigma` scaled MADs from the median of the
/// recorded runs, the worse way for its metric, and moved at least the minimum relative and
/// absolute change. Pure arithmetic: no git, no units beyond the base values handed in.
public struct RegressionTest: Sendable {
  public var policy: RegressionPolicy
  public var direction: WorseDirection

  public init(policy: RegressionPolicy = RegressionPolicy(), direction: WorseDirection) {
    self.policy = policy
    self.direction = direction
  }

  /// Judges `current` against `history` (the recorded values, in any order, in the same base
  /// unit as `current`).
  public func judge(_ current: Double, against history: [Double]) -> RegressionVerdict {
    var verdict = RegressionVerdict(
      outcome: .insufficientHistory, runs: history.count, spread: RobustSpread(history),
      current: current, robustZ: nil, absoluteChange: nil, relativeChange: nil,
      direction: direction, policy: policy)
    guard let spread = verdict.spread else { return verdict }
    let change = current - spread.median
    verdict.absoluteChange = change
    verdict.relativeChange = spread.median == 0 ? nil : change / abs(spread.median)
    let scale = spread.scaledMAD
    verdict.robustZ = scale > 0 ? change / scale : nil
    guard history.count >= policy.minRuns else { return verdict }
    verdict.outcome = .steady
    guard change != 0 else { return verdict }
    // With no spread (every run equal), any move is beyond sigma: the minimums decide.
    let beyondSigma = verdict.robustZ.map { abs($0) > policy.sigma } ?? true
    // A median of 0 makes any move infinitely large relative to it.
    let relativeEnough = verdict.relativeChange.map { abs($0) >= policy.minRelativeChange } ?? true
    let absoluteEnough = abs(change) >= policy.minAbsoluteChange
    guard beyondSigma, relativeEnough, absoluteEnough else { return verdict }
    verdict.outcome = direction.isWorse(change) ? .regressed : .improved
    return verdict
  }
}
