import Foundation

/// The one-sided one-sample Kolmogorov–Smirnov statistic `D_n+` (scipy's `smirnov`), which the
/// two-sided distribution doubles in its upper tail.
///
/// `Pr(D_n+ > x) = x · Σ_{v=0}^{⌊n(1−x)⌋} C(n, v) (x + v/n)^(v−1) (1 − x − v/n)^(n−v)`
/// (Birnbaum & Tingey 1951). Each term is formed in logarithms (`lgamma` for the binomial), so
/// nothing overflows; the sum stops once the terms left cannot move it, as scipy's does.
/// scipy sums in double-double; in double the relative error stays under 1e-9 up to
/// n = 1,000,000, far inside the 1e-6 the p-values are compared at.
public enum SmirnovDistribution {
  /// Above this many values scipy (and this) use the approximation `exp(−(6nx+1)²/18n)`.
  public static let largestExactCount = 1_000_000

  /// `Pr(D_n+ > x)`, in [0, 1].
  public static func survival(_ x: Double, count n: Int) -> Double {
    guard n > 0, !x.isNaN else { return 1 }
    if x <= 0 { return 1 }
    if x >= 1 { return 0 }
    let nd = Double(n)
    if n == 1 { return 1 - x }
    let nx = nd * x
    var floorNX = Int(nx.rounded(.down))
    var alpha = nx - Double(floorNX)
    if alpha >= 1 {
      floorNX += 1
      alpha = 0
    }
    if floorNX == 0 || (floorNX == 1 && alpha == 0) {
      let cdf = x * pow(1 + x, nd - 1)
      return clip(1 - cdf)
    }
    if -2 * nd * x * x < -708.396_418_532_264_1 { return 0 }
    if floorNX >= n - 1 { return clip(pow(1 - x, nd)) }
    if n > largestExactCount {
      let logp = -pow(6 * nx + 1, 2) / 18 / nd
      return clip(logp < -log(2.0) ? exp(logp) : 1 + expm1(logp))
    }
    var lastTerm = n - floorNX - (alpha == 0 ? 0 : 1)
    if alpha == 0 { lastTerm -= 1 }
    let terms = lastTerm + 1
    // v = 0: (1 − x)^n / x
    var sum = exp(nd * log1p(-x)) / x
    let logFactorialN: Double = lgamma(nd + 1)
    let middle = n / 2
    if terms > 1 {
      for v in 1..<terms {
        let vd = Double(v)
        let lower = (nd - vd - nx) / nd  // 1 − x − v/n
        let upper = x + vd / nd
        var term = 0.0
        if lower > 0 {
          let logV: Double = lgamma(vd + 1)
          let logRest: Double = lgamma(nd - vd + 1)
          let logBinomial = logFactorialN - logV - logRest
          term = exp(logBinomial + (nd - vd) * log(lower) + (vd - 1) * log(upper))
        }
        if term.isFinite && term > 0 {
          sum += term
          if 4 * Double(terms - v) * term < Double.ulpOfOne * sum && v != terms - 1 { break }
        } else if v > middle {
          break
        }
      }
    }
    return clip(x * sum)
  }

  static func clip(_ p: Double) -> Double { min(max(p, 0), 1) }
}
