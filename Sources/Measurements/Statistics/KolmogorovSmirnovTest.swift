import Foundation

/// The two-sample Kolmogorov–Smirnov test, as scipy's `stats.ks_2samp` computes it: do two
/// samples (a reference run's latencies and the current run's, say) come from one distribution?
///
/// Both samples are sorted, then walked once in merged order: at each distinct value v the gap
/// `F1(v) − F2(v)` between the ECDFs (counts of values ≤ v over the sample size, so ties in and
/// across samples count as scipy's `searchsorted(side='right')` counts them) gives D+ (its
/// largest value) and D− (minus its smallest). O((m+n) log(m+n)) for the sort (linear: a radix
/// sort above 4,096 values), O(m+n) for the walk. The p-value comes from
/// `SmirnovExactProbability` or the asymptotic distributions, chosen as `method` says.
///
/// Values must be finite: a NaN or an infinity is refused with the sample and index it sits at
/// (scipy would propagate NaN; a budget verdict must never rest on one).
public struct KolmogorovSmirnovTest: Sendable {
  /// `auto` is exact when both samples have at most this many values (scipy's `MAX_AUTO_N`).
  public static let largestAutoExactCount = 10_000

  public var alternative: KolmogorovSmirnovAlternative
  public var method: KolmogorovSmirnovMethod
  /// Each sample needs at least this many values (at least 1), else the outcome is
  /// `insufficientData`.
  public var minimumSampleSize: Int

  public init(
    alternative: KolmogorovSmirnovAlternative = .twoSided,
    method: KolmogorovSmirnovMethod = .auto,
    minimumSampleSize: Int = 1
  ) {
    self.alternative = alternative
    self.method = method
    self.minimumSampleSize = max(minimumSampleSize, 1)
  }

  /// Runs the test on two samples, in any order.
  /// - Throws: `KolmogorovSmirnovInputError` for the first NaN or infinity, first sample first.
  public func callAsFunction(_ first: [Double], _ second: [Double])
    throws(KolmogorovSmirnovInputError) -> KolmogorovSmirnovOutcome
  {
    try Self.checkFinite(first, .first)
    try Self.checkFinite(second, .second)
    guard first.count >= minimumSampleSize, second.count >= minimumSampleSize else {
      return .insufficientData(
        firstCount: first.count, secondCount: second.count, minimum: minimumSampleSize)
    }
    let gaps = Self.extremeGaps(DoubleRadixSort.sorted(first), DoubleRadixSort.sorted(second))
    return .result(pValue(for: gaps, first.count, second.count))
  }

  static func checkFinite(
    _ values: [Double], _ sample: KolmogorovSmirnovInputError.Sample
  ) throws(KolmogorovSmirnovInputError) {
    for (index, value) in values.enumerated() where !value.isFinite {
      throw KolmogorovSmirnovInputError(
        sample: sample, index: index, problem: value.isNaN ? .notANumber : .infinite)
    }
  }

  /// The largest and smallest `F1 − F2` over the merged sorted values, and where they occur.
  struct ExtremeGaps {
    var largest = 0.0
    var largestAt = 0.0
    var smallest = 0.0
    var smallestAt = 0.0
  }

  static func extremeGaps(_ a: [Double], _ b: [Double]) -> ExtremeGaps {
    let n1 = Double(a.count)
    let n2 = Double(b.count)
    var gaps = ExtremeGaps()
    var seenFirst = false
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
          let value: Double
          if i < a.count && (j >= b.count || a[i] <= b[j]) { value = a[i] } else { value = b[j] }
          while i < a.count && a[i] <= value { i += 1 }
          while j < b.count && b[j] <= value { j += 1 }
          let gap = Double(i) / n1 - Double(j) / n2
          if !seenFirst {
            gaps = ExtremeGaps(largest: gap, largestAt: value, smallest: gap, smallestAt: value)
            seenFirst = true
          } else if gap > gaps.largest {
            gaps.largest = gap
            gaps.largestAt = value
          } else if gap < gaps.smallest {
            gaps.smallest = gap
            gaps.smallestAt = value
          }
        }
      }
    }
    return gaps
  }

  func pValue(for gaps: ExtremeGaps, _ n1: Int, _ n2: Int) -> KolmogorovSmirnovResult {
    let minus = min(max(-gaps.smallest, 0), 1)
    let plus = gaps.largest
    var d: Double
    var location: Double
    var sign: Int
    if alternative == .less || (alternative == .twoSided && minus > plus) {
      (d, location, sign) = (minus, gaps.smallestAt, -1)
    } else {
      (d, location, sign) = (plus, gaps.largestAt, 1)
    }
    var used: KolmogorovSmirnovMethod
    var fellBack = false
    switch method {
    case .auto:
      used = max(n1, n2) <= Self.largestAutoExactCount ? .exact : .asymptotic
    case .exact:
      let g = SmirnovExactProbability.gcd(n1, n2)
      if Double(n1 / g) >= Double(Int32.max) / Double(n2 / g) {
        used = .asymptotic
        fellBack = true
      } else {
        used = .exact
      }
    case .asymptotic:
      used = .asymptotic
    }
    var p = Double.nan
    if used == .exact {
      if let exact = SmirnovExactProbability.probability(
        sizes: n1, n2, statistic: d, alternative: alternative)
      {
        (d, p) = exact
      } else {
        used = .asymptotic
        fellBack = true
        // scipy keeps the lattice-rounded statistic when the exact count fails.
        let g = SmirnovExactProbability.gcd(n1, n2)
        let lcm = Double(n1 / g) * Double(n2)
        d = (d * lcm).rounded(.toNearestOrEven) / lcm
      }
    }
    if used == .asymptotic {
      let m = Double(max(n1, n2))
      let n = Double(min(n1, n2))
      let en = m * n / (m + n)
      if alternative == .twoSided {
        p = KolmogorovDistribution.survival(d, count: Int(en.rounded(.toNearestOrEven)))
      } else {
        let z = en.squareRoot() * d
        p = exp(-2 * z * z - 2 * z * (m + 2 * n) / (m * n * (m + n)).squareRoot() / 3)
      }
    }
    return KolmogorovSmirnovResult(
      statistic: d, pValue: min(max(p, 0), 1), location: location, sign: sign,
      alternative: alternative, requestedMethod: method, method: used,
      fellBackToAsymptotic: fellBack, firstCount: n1, secondCount: n2)
  }
}
