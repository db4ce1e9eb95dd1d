import Foundation

/// The distribution of the two-sided one-sample Kolmogorov–Smirnov statistic `D_n` for a
/// sample of `n` values (scipy's `kstwo`), and of the one-sided `D_n+` (scipy's `smirnov`).
///
/// The two-sample test's asymptotic p-value is `kstwo.sf(D, round(m·n/(m+n)))`, as scipy's
/// `ks_2samp(method='asymp')` computes it. The regimes follow Simard & L'Ecuyer (2011), as
/// scipy's `_kolmogn` chooses them: Ruben–Gambino's closed forms at the ends, Durbin's matrix
/// (Marsaglia–Tsang–Wang) and Pomeranz's recursion for small `n`, the Pelz–Good expansion for
/// large `n`, and twice the one-sided tail (Birnbaum–Tingey) where that is exact or close.
public enum KolmogorovDistribution {
  /// `Pr(D_n > x)`, the survival function of `kstwo` at `x` for `n` values; in [0, 1].
  public static func survival(_ x: Double, count n: Int) -> Double {
    kolmogorov(n: n, x: x, cdf: false)
  }

  /// `Pr(D_n <= x)`, the distribution function of `kstwo`; in [0, 1].
  public static func cumulative(_ x: Double, count n: Int) -> Double {
    kolmogorov(n: n, x: x, cdf: true)
  }

  /// The CDF (or SF when `cdf` is false) in the regime scipy's `_kolmogn` picks for (n, x).
  private static func kolmogorov(n: Int, x: Double, cdf: Bool) -> Double {
    func pick(_ cdfValue: Double, _ sfValue: Double) -> Double {
      cdf ? clip(cdfValue) : clip(sfValue)
    }
    guard n > 0, !x.isNaN else { return cdf ? 0 : 1 }
    if x >= 1 { return pick(1, 0) }
    if x <= 0 { return pick(0, 1) }
    let nd = Double(n)
    let t = nd * x
    if t <= 1 {
      if t <= 0.5 { return pick(0, 1) }
      let prob: Double
      if n <= 140 {
        var product = 1.0
        for i in 1...n { product *= Double(i) * (1 / nd) * (2 * t - 1) }
        prob = product
      } else {
        prob = exp(logFactorialOverPower(nd) + nd * log(2 * t - 1))
      }
      return pick(prob, 1 - prob)
    }
    if t >= nd - 1 {
      let prob = 2 * pow(1 - x, nd)
      return pick(1 - prob, prob)
    }
    if x >= 0.5 {
      let prob = 2 * SmirnovDistribution.survival(x, count: n)
      return pick(1 - prob, prob)
    }
    let nxSquared = t * x
    if n <= 140 {
      if nxSquared <= 0.754693 {
        let prob = durbinMatrix(n: n, d: x)
        return pick(prob, 1 - prob)
      }
      if nxSquared <= 4 {
        let prob = pomeranz(n: n, x: x)
        return pick(prob, 1 - prob)
      }
      let prob = 2 * SmirnovDistribution.survival(x, count: n)
      return pick(1 - prob, prob)
    }
    if !cdf {
      if nxSquared >= 370 { return 0 }
      if nxSquared >= 2.2 { return clip(2 * SmirnovDistribution.survival(x, count: n)) }
    }
    let cdfProb: Double
    if nxSquared >= 18 {
      cdfProb = 1
    } else if n <= 100_000 && nd * pow(x, 1.5) <= 1.4 {
      cdfProb = durbinMatrix(n: n, d: x)
    } else {
      cdfProb = pelzGood(n: n, x: x)
    }
    return pick(cdfProb, 1 - cdfProb)
  }

  static func clip(_ p: Double) -> Double { min(max(p, 0), 1) }

  /// log(n! / n^n) by Stirling's series, without forming n·log(n) twice.
  static func logFactorialOverPower(_ n: Double) -> Double {
    let coefficients = [
      -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3,
      8.4175084175084175084e-4, -5.952380952380952381e-4, 7.9365079365079365079e-4,
      -2.7777777777777777778e-3, 8.3333333333333333333e-2,
    ]
    let rn = 1 / n
    let z = rn / n
    var poly = 0.0
    for c in coefficients { poly = poly * z + c }
    return log(n) / 2 - n + log(2 * Double.pi) / 2 + rn * poly
  }

  private static let scaleUp = 0x1p128
  private static let scaleDown = 0x1p-128

  /// `Pr(D_n <= d)` by Durbin's matrix, as Marsaglia, Tsang and Wang (2003) compute it: the
  /// k-th diagonal entry of H^n (scaled), times n!/n^n.
  static func durbinMatrix(n: Int, d: Double) -> Double {
    if d >= 1 { return 1 }
    let nd = Double(n) * d
    if nd <= 0.5 { return 0 }
    let k = Int(nd.rounded(.up))
    let h = Double(k) - nd
    let m = 2 * k - 1
    var v = [Double](repeating: 0, count: m)
    var w = [Double](repeating: 0, count: m)
    var factorial = 1.0
    for j in 1...m {
      w[j - 1] = factorial
      factorial /= Double(j)
      v[j - 1] = (1 - pow(h, Double(j))) * factorial
    }
    let tt = pow(max(2 * h - 1, 0), Double(m)) - 2 * pow(h, Double(m))
    v[m - 1] = (1 + tt) * factorial
    var matrix = [Double](repeating: 0, count: m * m)
    for i in 1..<m {
      for row in (i - 1)..<m { matrix[row * m + i] = w[row - (i - 1)] }
    }
    for row in 0..<m { matrix[row * m] = v[row] }
    for column in 0..<m { matrix[(m - 1) * m + column] = v[m - 1 - column] }

    var power = [Double](repeating: 0, count: m * m)
    for i in 0..<m { power[i * m + i] = 1 }
    var remaining = n
    var exponent = 0
    var matrixExponent = 0
    while remaining > 0 {
      if remaining % 2 == 1 {
        power = multiply(power, matrix, m)
        exponent += matrixExponent
      }
      matrix = multiply(matrix, matrix, m)
      matrixExponent *= 2
      if abs(matrix[(k - 1) * m + (k - 1)]) > scaleUp {
        for i in matrix.indices { matrix[i] /= scaleUp }
        matrixExponent += 128
      }
      remaining /= 2
    }
    var p = power[(k - 1) * m + (k - 1)]
    for i in 1...n {
      p = Double(i) * p / Double(n)
      if abs(p) < scaleDown {
        p *= scaleUp
        exponent -= 128
      }
    }
    if exponent != 0 { p = scalbn(p, exponent) }
    return clip(p)
  }

  private static func multiply(_ a: [Double], _ b: [Double], _ m: Int) -> [Double] {
    var result = [Double](repeating: 0, count: m * m)
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        result.withUnsafeMutableBufferPointer { r in
          for i in 0..<m {
            for l in 0..<m {
              let a_il = a[i * m + l]
              if a_il == 0 { continue }
              for j in 0..<m { r[i * m + j] += a_il * b[l * m + j] }
            }
          }
        }
      }
    }
    return result
  }

  /// The interval of non-zero entries of row `i` in Pomeranz's recursion.
  private static func pomeranzBounds(
    _ i: Int, _ n: Int, _ ll: Int, _ ceilf: Int, _ roundf: Int
  ) -> (Int, Int) {
    var j1: Int
    var j2: Int
    if i == 0 {
      j1 = -ll - ceilf - 1
      j2 = ll + ceilf - 1
    } else {
      let half = (i + 1) / 2
      let odd = (i + 1) % 2
      if odd == 0 {
        if half == n + 1 {
          j1 = n - ll - ceilf - 1
          j2 = n + ll + ceilf - 1
        } else {
          j1 = half - 1 - ll - roundf - 1
          j2 = half + ll - 1 + ceilf - 1
        }
      } else {
        j1 = half - 1 - ll - 1
        j2 = half + ll + roundf - 1
      }
    }
    return (max(j1 + 2, 0), min(j2, n))
  }

  /// `Pr(D_n <= x)` by Pomeranz's (1974) recursion: each row the convolution of the previous
  /// one with (unnormalised) Poisson probabilities, scaled against underflow.
  static func pomeranz(n: Int, x: Double) -> Double {
    let t = Double(n) * x
    let ll = Int(t.rounded(.down))
    let f = t - Double(ll)
    let g = min(f, 1 - f)
    let ceilf = f > 0 ? 1 : 0
    let roundf = f > 0.5 ? 1 : 0
    let powers = 2 * (ll + 1)
    var gPower = [Double](repeating: 1, count: powers)
    var twoGPower = [Double](repeating: 1, count: powers)
    var oneMinusTwoGPower = [Double](repeating: 1, count: powers)
    let nd = Double(n)
    for m in 1..<powers {
      gPower[m] = gPower[m - 1] * (g / nd) / Double(m)
      twoGPower[m] = twoGPower[m - 1] * (2 * g / nd) / Double(m)
      oneMinusTwoGPower[m] = oneMinusTwoGPower[m - 1] * ((1 - 2 * g) / nd) / Double(m)
    }
    var v0 = [Double](repeating: 0, count: powers)
    var v1 = [Double](repeating: 0, count: powers)
    v1[0] = 1
    var v0Start = 0
    var v1Start = 0
    var exponent = 0
    var (j1, j2) = pomeranzBounds(0, n, ll, ceilf, roundf)
    for i in 1..<(2 * n + 2) {
      let k1 = j1
      swap(&v0, &v1)
      swap(&v0Start, &v1Start)
      for index in v1.indices { v1[index] = 0 }
      (j1, j2) = pomeranzBounds(i, n, ll, ceilf, roundf)
      let weights: [Double]
      if i == 1 || i == 2 * n + 1 {
        weights = gPower
      } else {
        weights = i % 2 == 1 ? twoGPower : oneMinusTwoGPower
      }
      let length = j2 - k1 + 1
      if length > 0 {
        // conv[c] = sum_a V0[k1 - v0Start + a] * weights[c - a], for a, c - a in 0..<length
        let start = j1 - k1
        let count = j2 - j1 + 1
        let base = k1 - v0Start
        for c in start..<(start + count) {
          var sum = 0.0
          let low = max(0, c - (length - 1))
          let high = min(c, length - 1)
          if low <= high {
            for a in low...high where base + a >= 0 && base + a < powers {
              sum += v0[base + a] * weights[c - a]
            }
          }
          if c - start >= 0 && c - start < powers { v1[c - start] = sum }
        }
        let largest = v1.max() ?? 0
        if largest > 0 && largest < scaleDown {
          for index in v1.indices { v1[index] *= scaleUp }
          exponent -= 128
        }
        v1Start = v0Start + j1 - k1
      }
    }
    guard n - v1Start >= 0, n - v1Start < powers else { return 0 }
    var answer = v1[n - v1Start]
    for m in 1...n {
      if abs(answer) > scaleUp {
        answer *= scaleDown
        exponent += 128
      }
      answer *= Double(m)
    }
    if exponent != 0 { answer = scalbn(answer, exponent) }
    return answer
  }

  /// The Pelz–Good (1976) expansion of `Pr(D_n <= x)` in powers of 1/√n.
  static func pelzGood(n: Int, x: Double) -> Double {
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }
    let nd = Double(n)
    let z = nd.squareRoot() * x
    let z2 = z * z
    let z3 = z2 * z
    let z4 = z2 * z2
    let z6 = z4 * z2
    let pi2 = Double.pi * Double.pi
    let pi4 = pi2 * pi2
    let pi6 = pi4 * pi2
    let qlog = -pi2 / 8 / z2
    if qlog < -708 { return 0 }
    var q = exp(qlog)
    let k1a = -z2
    let k1b = pi2 / 4
    let k2a = 6 * z6 + 2 * z4
    let k2b = (2 * z4 - 5 * z2) * pi2 / 4
    let k2c = pi4 * (1 - 2 * z2) / 16
    let k3d = pi6 * (5 - 30 * z2) / 64
    let k3c = pi4 * (-60 * z2 + 212 * z4) / 16
    let k3b = pi2 * (135 * z4 - 96 * z6) / 4
    let k3a = -30 * z6 - 90 * pow(z, 8)
    var k = [0.0, 0.0, 0.0, 0.0]
    let maxK = Int((16 * z / Double.pi).rounded(.up))
    if maxK >= 1 {
      for kk in stride(from: maxK, through: 1, by: -1) {
        let m = Double(2 * kk - 1)
        let m2 = m * m
        let m4 = m2 * m2
        let m6 = m4 * m2
        let qPower = pow(q, Double(8 * kk))
        let coefficients = [
          1.0, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6,
        ]
        for i in 0..<4 { k[i] = k[i] * qPower + coefficients[i] }
      }
    }
    let sqrt2pi = (2 * Double.pi).squareRoot()
    let divisors = [z, 6 * z4, 72 * pow(z, 7), 6480 * pow(z, 10)]
    for i in 0..<4 { k[i] = k[i] * q * sqrt2pi / divisors[i] }
    q = exp(-pi2 / 2 / z2)
    var k2extra = 0.0
    var k3extra = 0.0
    let sqrt3z = 3.0.squareRoot() * z
    if maxK >= 1 {
      for kk in stride(from: maxK, through: 1, by: -1) {
        let ks = Double(kk)
        let qk = pow(q, ks * ks)
        k2extra += ks * ks * qk
        let kspi = Double.pi * ks
        k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ks * ks * qk
      }
    }
    k[2] += k2extra * pi2 * sqrt2pi / (-36 * z3)
    k[3] += k3extra * pi2 * sqrt2pi / (216 * z6)
    var sum = 0.0
    for i in 0..<4 { sum += k[i] / pow(nd, Double(i) / 2) }
    return sum
  }
}
