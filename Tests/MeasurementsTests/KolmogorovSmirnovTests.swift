import Foundation
import Measurements
import TestSupport
import Testing

/// The two-sample Kolmogorov–Smirnov test: hand-worked cases, then scipy's `ks_2samp` on
/// seeded random samples. Tolerances: the statistic within 1e-9 relative, the p-value within
/// 1e-6 relative (or 1e-14 absolute, for p-values that are a difference from 1).
@Suite struct KolmogorovSmirnovTests {
  static func run(
    _ a: [Double], _ b: [Double], _ alternative: KolmogorovSmirnovAlternative = .twoSided,
    _ method: KolmogorovSmirnovMethod = .auto
  ) throws -> KolmogorovSmirnovResult {
    let test = KolmogorovSmirnovTest(alternative: alternative, method: method)
    return try #require(try test(a, b).result)
  }

  /// [1, 2, 3] against [4, 5, 6]: the ECDFs are 1 apart at 3. Of the C(6, 3) = 20 equally
  /// likely interleavings only the two fully separated ones reach D = 1: p = 2/20.
  @Test func separatedSamples() throws {
    let result = try Self.run([1, 2, 3], [4, 5, 6])
    #expect(result.statistic == 1)
    #expect(abs(result.pValue - 0.1) < 1e-15)
    #expect(result.method == .exact)
    #expect(result.location == 3)
    #expect(result.sign == 1)
    // One-sided: only the one interleaving with all of the first sample below: 1/20.
    let greater = try Self.run([1, 2, 3], [4, 5, 6], .greater)
    #expect(abs(greater.pValue - 0.05) < 1e-15)
    let less = try Self.run([1, 2, 3], [4, 5, 6], .less)
    #expect(less.statistic == 0)
    #expect(less.pValue == 1)
  }

  /// Ties within and across samples: [1, 2, 2, 3] and [2, 3, 3, 4]. ECDF gaps at 1, 2, 3, 4:
  /// 1/4 − 0, 3/4 − 1/4, 1 − 3/4, 1 − 1: D = 1/2 at the value 2.
  @Test func ties() throws {
    let result = try Self.run([1, 2, 2, 3], [2, 3, 3, 4])
    #expect(result.statistic == 0.5)
    #expect(result.location == 2)
    // n = m = 4, h = 2: 2·(C(8, 2) − C(8, 0))/C(8, 4) = 2·(28 − 1)/70.
    #expect(abs(result.pValue - 54.0 / 70) < 1e-14)
  }

  /// The same sample twice: no gap, p = 1.
  @Test func identicalSamples() throws {
    let result = try Self.run([3, 1, 2], [2, 3, 1], .twoSided, .asymptotic)
    #expect(result.statistic == 0)
    #expect(result.pValue == 1)
  }

  @Test func refusesNaNAndInfinity() {
    let test = KolmogorovSmirnovTest()
    #expect(throws: KolmogorovSmirnovInputError(sample: .second, index: 2, problem: .notANumber)) {
      _ = try test([1, 2], [1, 2, .nan])
    }
    #expect(throws: KolmogorovSmirnovInputError(sample: .first, index: 0, problem: .infinite)) {
      _ = try test([-.infinity], [1])
    }
  }

  @Test func insufficientData() throws {
    let test = KolmogorovSmirnovTest(minimumSampleSize: 5)
    #expect(
      try test([1, 2, 3, 4, 5], [1, 2])
        == .insufficientData(firstCount: 5, secondCount: 2, minimum: 5))
    #expect(try KolmogorovSmirnovTest()([], [1]).result == nil)
  }

  /// `auto` is exact up to 10,000 values per sample, asymptotic above (scipy's rule).
  @Test func autoChoosesAsScipy() throws {
    var generator = SeededGenerator(seed: 7)
    let small = (0..<10_000).map { _ in generator.unit() }
    let large = (0..<10_001).map { _ in generator.unit() }
    #expect(try Self.run(small, [0.5]).method == .exact)
    #expect(try Self.run(large, [0.5]).method == .asymptotic)
  }

  /// Radix-sorted large samples give the statistic the comparison sort gives.
  @Test func largeSamplesSortCorrectly() throws {
    var generator = SeededGenerator(seed: 11)
    let a = (0..<20_000).map { _ in (generator.normal() * 4).rounded() / 4 }
    let b = (0..<15_000).map { _ in (generator.normal() * 4 + 0.1).rounded() / 4 } + [-0.0, 0.0]
    let result = try Self.run(a, b, .twoSided, .asymptotic)
    // Reference: the ECDF gap at every distinct value, by counting directly.
    let sortedA = a.sorted()
    let sortedB = b.sorted()
    var best = 0.0
    for value in Set(a + b) {
      let fa = Double(sortedA.partitionIndex { $0 > value }) / Double(a.count)
      let fb = Double(sortedB.partitionIndex { $0 > value }) / Double(b.count)
      best = max(best, abs(fa - fb))
    }
    #expect(abs(result.statistic - best) < 1e-15)
  }

  /// scipy's `ks_2samp` on seeded samples: continuous and tied, equal and unequal sizes, small
  /// (exact) and large (asymptotic), all three alternatives, both methods.
  @Test func matchesScipy() throws {
    try PythonOracle.require("numpy", "scipy")
    var generator = SeededGenerator(seed: 20_261_201)
    struct Case {
      var a: [Double]
      var b: [Double]
      var alternative: KolmogorovSmirnovAlternative
      var method: KolmogorovSmirnovMethod
    }
    var cases: [Case] = []
    let sizes = [
      (1, 1), (3, 5), (5, 7), (10, 10), (20, 13), (30, 45), (64, 64), (100, 80), (150, 150),
      (200, 333), (1_000, 1_500), (2_500, 2_500), (4_000, 3_000), (20_000, 12_000),
    ]
    for (index, (n1, n2)) in sizes.enumerated() {
      let tied = index % 2 == 1
      let shift = Double(index % 4) * 0.15
      func draw(_ count: Int, _ shift: Double) -> [Double] {
        (0..<count).map { _ in
          let value = generator.normal() + shift
          return tied ? (value * 3).rounded() / 3 : value
        }
      }
      let a = draw(n1, 0)
      let b = draw(n2, shift)
      for alternative in KolmogorovSmirnovAlternative.allCases {
        for method in [KolmogorovSmirnovMethod.exact, .asymptotic, .auto] {
          // scipy's one-sided exact count for unequal sizes is quadratic; keep it small.
          if method == .exact && n1 * n2 > 20_000_000 { continue }
          if method == .exact && alternative != .twoSided && n1 != n2 && n1 * n2 > 2_000_000 {
            continue
          }
          cases.append(Case(a: a, b: b, alternative: alternative, method: method))
        }
      }
    }
    let data =
      "["
      + cases.map { c in
        "{\"a\":\(PythonOracle.json(c.a)),\"b\":\(PythonOracle.json(c.b)),"
          + "\"alternative\":\"\(c.alternative.rawValue)\",\"method\":\"\(c.method.rawValue)\"}"
      }.joined(separator: ",") + "]"
    let script = """
      import json, sys, warnings
      warnings.simplefilter("ignore")
      from scipy import stats
      for c in json.load(open(sys.argv[1])):
          r = stats.ks_2samp(c["a"], c["b"], alternative=c["alternative"], method=c["method"])
          print(repr(float(r.statistic)), repr(float(r.pvalue)))
      """
    let lines = try PythonOracle.run(script, data: data)
    try #require(lines.count == cases.count)
    for (c, line) in zip(cases, lines) {
      let expected = line.split(separator: " ").compactMap { Double($0) }
      try #require(expected.count == 2)
      let result = try Self.run(c.a, c.b, c.alternative, c.method)
      let label = "\(c.a.count)×\(c.b.count) \(c.alternative.rawValue) \(c.method.rawValue)"
      #expect(
        PythonOracle.close(result.statistic, expected[0], relative: 1e-9, absolute: 1e-12),
        "statistic \(label): \(result.statistic) vs scipy \(expected[0])")
      if expected[1].isNaN {
        // scipy's kstwo for round(1·1/2) = 0 values is NaN; here it is 1 (no evidence).
        #expect(c.a.count == 1 && c.b.count == 1 && result.pValue == 1, "\(label)")
        continue
      }
      #expect(
        PythonOracle.close(result.pValue, expected[1], relative: 1e-6, absolute: 1e-14),
        "p-value \(label): \(result.pValue) vs scipy \(expected[1]) (\(result.method))")
    }
  }

  /// The asymptotic distribution alone, against scipy's `kstwo.sf` across its regimes (Durbin
  /// matrix, Pomeranz, Pelz–Good, the one-sided tail, the closed forms at the ends).
  @Test func kolmogorovDistributionMatchesScipy() throws {
    try PythonOracle.require("numpy", "scipy")
    var cases: [(n: Int, x: Double)] = []
    for n in [1, 2, 5, 10, 50, 139, 140, 141, 500, 5_000, 99_999, 100_001, 500_000, 2_000_000] {
      let nd = Double(n)
      var xs = [0.4 / nd, 0.8 / nd, 1.5 / nd, 0.3, 0.5, 0.7, 1 - 0.5 / nd]
      for z in [0.3, 0.6, 0.9, 1.2, 1.5, 2.0, 3.0, 5.0] { xs.append(z / nd.squareRoot()) }
      for x in xs where x > 0 && x < 1 { cases.append((n, x)) }
    }
    let data =
      "[" + cases.map { "[\($0.n),\($0.x)]" }.joined(separator: ",") + "]"
    let script = """
      import json, sys
      from scipy import stats
      for n, x in json.load(open(sys.argv[1])):
          print(repr(float(stats.kstwo.sf(x, n))))
      """
    let lines = try PythonOracle.run(script, data: data)
    try #require(lines.count == cases.count)
    for (c, line) in zip(cases, lines) {
      let expected = try #require(Double(line))
      let actual = KolmogorovDistribution.survival(c.x, count: c.n)
      #expect(
        PythonOracle.close(actual, expected, relative: 1e-6, absolute: 1e-14),
        "kstwo.sf(\(c.x), \(c.n)): \(actual) vs scipy \(expected)")
    }
  }
}

extension Array where Element == Double {
  /// The index of the first element satisfying `predicate`, for a sorted array partitioned by it.
  fileprivate func partitionIndex(where predicate: (Double) -> Bool) -> Int {
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      if predicate(self[middle]) { high = middle } else { low = middle + 1 }
    }
    return low
  }
}
