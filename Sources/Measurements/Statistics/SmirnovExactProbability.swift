import Foundation

/// Exact p-values of the two-sample Kolmogorov–Smirnov statistic, by counting lattice paths as
/// scipy's `ks_2samp(method='exact')` does.
///
/// With sizes m and n, g = gcd(m, n) and l = lcm(m, n), the statistic is a multiple h/l of 1/l.
/// Under the null hypothesis every interleaving of the two sorted samples is equally likely: a
/// path of m steps right and n steps up from (0, 0) to (m, n). D ≥ h/l exactly when the path
/// touches a diagonal line |n·x − m·y| = h·g (two-sided) or n·x − m·y = h·g (one-sided).
/// - two-sided, m = n: `2·Σ_k (−1)^(k−1) C(2n, n−kh)/C(2n, n)`, summed Horner-like from the
///   far end so the alternating terms do not cancel;
/// - two-sided, m ≠ n: the share of paths leaving the band, by Hodges' inside method kept as
///   1 − p (Viehmann 2021) so small p-values keep their digits;
/// - one-sided, m = n: `C(2n, n−h)/C(2n, n)` as a product of h ratios;
/// - one-sided, m ≠ n: paths reaching the line (Hodges' outside method) over C(m+n, n).
/// A calculation that overflows, or lands outside [0, 1], reports failure: the caller then
/// uses the asymptotic distribution, as scipy does (it warns, this says so in the result).
public enum SmirnovExactProbability {
  /// The probability, and the statistic rounded to its lattice value h/l; nil when the exact
  /// calculation cannot be carried out in double precision.
  public static func probability(
    sizes n1: Int, _ n2: Int, statistic d: Double, alternative: KolmogorovSmirnovAlternative
  ) -> (statistic: Double, pValue: Double)? {
    let g = gcd(n1, n2)
    let lcm = Double(n1 / g) * Double(n2)
    let h = Int((d * lcm).rounded(.toNearestOrEven))
    let rounded = Double(h) / lcm
    if h == 0 { return (rounded, 1) }
    let prob: Double
    switch alternative {
    case .twoSided:
      prob =
        n1 == n2
        ? probabilityOutsideSquare(n: n1, h: h)
        : outerProbabilityInside(n1, n2, g: g, h: h)
    case .less, .greater:
      if n1 == n2 {
        var product = 1.0
        for j in 0..<h { product *= (Double(n1) - Double(j)) / (Double(n1) + Double(j) + 1) }
        prob = product
      } else {
        let all = binomial(Double(n1 + n2), Double(n1))
        guard all.isFinite else { return nil }
        let paths = countPathsOutside(n1, n2, g: g, h: h)
        guard paths.isFinite, paths <= all else { return nil }
        prob = paths / all
      }
    }
    guard prob.isFinite, prob >= 0, prob <= 1 else { return nil }
    return (rounded, prob)
  }

  static func gcd(_ a: Int, _ b: Int) -> Int {
    var (a, b) = (a, b)
    while b != 0 { (a, b) = (b, a % b) }
    return a
  }

  /// Pr(D_{n,n} ≥ h/n) = 2·A0·(1 − A1·(1 − A2·(1 − …))), each Ai a product of h ratios.
  static func probabilityOutsideSquare(n: Int, h: Int) -> Double {
    var p = 0.0
    var k = n / h
    while k >= 0 {
      var term = 1.0
      for j in 0..<h {
        term = Double(n - k * h - j) * term / Double(n + k * h + j + 1)
      }
      p = term * (1 - p)
      k -= 1
    }
    return 2 * p
  }

  /// The share of paths that leave the band |x/m − y/n| < h/l, computed as 1 − p column by
  /// column over a sliding window of the band.
  static func outerProbabilityInside(_ m0: Int, _ n0: Int, g: Int, h: Int) -> Double {
    let (m, n) = m0 >= n0 ? (m0, n0) : (n0, m0)
    let mg = m / g
    let ng = n / g
    var minj = 0
    var maxj = min(ceilDiv(h, mg), n + 1)
    var currentLength = maxj - minj
    let length = min(2 * maxj + 2, n + 1)
    var a = [Double](repeating: 1, count: max(length, 1))
    for index in minj..<maxj where index < a.count { a[index] = 0 }
    for i in 1...m {
      let lastMinj = minj
      let lastLength = currentLength
      minj = max(floorDiv(ng * i - h, mg) + 1, 0)
      minj = min(minj, n)
      maxj = min(ceilDiv(ng * i + h, mg), n + 1)
      if maxj <= minj { return 1 }
      var value = minj == 0 ? 0.0 : 1.0
      for jj in 0..<(maxj - minj) {
        let j = jj + minj
        let source = jj + minj - lastMinj
        let previous = source >= 0 && source < a.count ? a[source] : 0
        value = (previous * Double(i) + value * Double(j)) / Double(i + j)
        if jj < a.count { a[jj] = value }
      }
      currentLength = maxj - minj
      if lastLength > currentLength {
        for index in (maxj - minj)..<(maxj - minj + lastLength - currentLength)
        where index < a.count {
          a[index] = 1
        }
      }
    }
    let last = maxj - minj - 1
    return last >= 0 && last < a.count ? a[last] : .nan
  }

  /// The number of paths from (0, 0) to (m, n) that reach m·y ≤ n·x − h·g (Hodges' outside
  /// method); may overflow to infinity, which the caller checks.
  static func countPathsOutside(_ m0: Int, _ n0: Int, g: Int, h: Int) -> Double {
    let (m, n) = m0 >= n0 ? (m0, n0) : (n0, m0)
    let mg = m / g
    let ng = n / g
    let count = n + floorDiv(mg - h, mg)
    if count <= 0 { return binomial(Double(m + n), Double(n)) }
    let xj = (0..<count).map { j in floorDiv(h + mg * j + ng - 1, ng) }
    var b = [Double](repeating: 0, count: count)
    b[0] = 1
    for j in 1..<count {
      var bj = binomial(Double(xj[j] + j), Double(j))
      for i in 0..<j {
        bj -= binomial(Double(xj[j] - xj[i] + j - i), Double(j - i)) * b[i]
      }
      b[j] = bj
    }
    var paths = 0.0
    for j in 0..<count {
      paths += b[j] * binomial(Double(m - xj[j] + n - j), Double(n - j))
    }
    return paths
  }

  /// C(n, k) in double, as scipy's `binom`: a product for small k, else through log-gamma;
  /// infinity when it overflows.
  static func binomial(_ n: Double, _ k0: Double) -> Double {
    if k0 < 0 || k0 > n { return 0 }
    var k = k0
    if k > n / 2 { k = n - k }
    if k < 20 {
      var numerator = 1.0
      var denominator = 1.0
      if k >= 1 {
        for i in 1...Int(k) {
          numerator *= Double(i) + n - k
          denominator *= Double(i)
          if abs(numerator) > 1e50 {
            numerator /= denominator
            denominator = 1
          }
        }
      }
      return numerator / denominator
    }
    let logN: Double = lgamma(n + 1)
    let logK: Double = lgamma(k + 1)
    let logRest: Double = lgamma(n - k + 1)
    let logValue = logN - logK - logRest
    return logValue > 709.78 ? .infinity : exp(logValue)
  }

  static func floorDiv(_ a: Int, _ b: Int) -> Int {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
  }

  static func ceilDiv(_ a: Int, _ b: Int) -> Int { -floorDiv(-a, b) }
}
