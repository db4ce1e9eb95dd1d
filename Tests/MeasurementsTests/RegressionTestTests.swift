import BudgetKit
import Foundation
import Measurements
import TestSupport
import Testing

/// The regression test worked by hand on small histories.
@Suite struct RegressionTestTests {
  /// 10, 11, 12, 13, 14, 100: median 12.5; deviations 2.5, 1.5, 0.5, 0.5, 1.5, 87.5, whose
  /// median is 1.5 (the mean of 1.5 and 1.5); the outlier 100 moves neither.
  @Test func medianAndMADByHand() throws {
    let spread = try #require(RobustSpread([14, 10, 100, 12, 11, 13]))
    #expect(spread.median == 12.5)
    #expect(spread.mad == 1.5)
    #expect(abs(spread.scaledMAD - 2.2239) < 1e-12)
    #expect(RobustSpread([]) == nil)
    #expect(RobustSpread([7])?.mad == 0)
  }

  static let runs: [Double] = [100, 102, 98, 101, 99, 100, 103, 97]

  /// median 100; deviations 0, 2, 2, 1, 1, 0, 3, 3 → sorted 0 0 1 1 2 2 3 3, MAD 1.5, scaled
  /// 2.2239; 110 is z = 10 / 2.2239 ≈ 4.497 > 4 and 10% ≥ 5%: regressed for a cap.
  @Test func capRegresses() throws {
    let verdict = RegressionTest(direction: .higher).judge(110, against: Self.runs)
    #expect(verdict.outcome == .regressed)
    let z = try #require(verdict.robustZ)
    #expect(abs(z - 10 / (1.4826 * 1.5)) < 1e-9)
    #expect(verdict.absoluteChange == 10)
    #expect(abs((verdict.relativeChange ?? 0) - 0.1) < 1e-12)
  }

  /// 108 is z ≈ 3.597: within sigma 4, steady; beyond sigma 3 (the budget's override).
  @Test func sigmaDecides() {
    #expect(RegressionTest(direction: .higher).judge(108, against: Self.runs).outcome == .steady)
    let three = RegressionPolicy(sigma: 3)
    #expect(
      RegressionTest(policy: three, direction: .higher).judge(108, against: Self.runs).outcome
        == .regressed)
  }

  /// The same move is worse for a cap and better for a floor; a band is worse either way.
  @Test func directionDecides() {
    #expect(RegressionTest(direction: .lower).judge(110, against: Self.runs).outcome == .improved)
    #expect(RegressionTest(direction: .lower).judge(90, against: Self.runs).outcome == .regressed)
    #expect(RegressionTest(direction: .higher).judge(90, against: Self.runs).outcome == .improved)
    #expect(RegressionTest(direction: .either).judge(90, against: Self.runs).outcome == .regressed)
    #expect(RegressionTest(direction: .either).judge(110, against: Self.runs).outcome == .regressed)
  }

  /// z 4.5 but only 10% and 10 units: a 20% minimum or a minimum of 15 holds it back.
  @Test func minimumChangesHoldBack() {
    let relative = RegressionPolicy(minRelativeChange: 0.2)
    #expect(
      RegressionTest(policy: relative, direction: .higher).judge(110, against: Self.runs).outcome
        == .steady)
    let absolute = RegressionPolicy(minAbsoluteChange: 15)
    #expect(
      RegressionTest(policy: absolute, direction: .higher).judge(110, against: Self.runs).outcome
        == .steady)
    let exact = RegressionPolicy(minAbsoluteChange: 10)
    #expect(
      RegressionTest(policy: exact, direction: .higher).judge(110, against: Self.runs).outcome
        == .regressed)
  }

  /// Every run equal: the MAD is 0, z is undefined (nil, no division), and the minimums decide.
  @Test func zeroSpread() {
    let flat: [Double] = [50, 50, 50, 50, 50]
    let same = RegressionTest(direction: .higher).judge(50, against: flat)
    #expect(same.outcome == .steady)
    #expect(same.robustZ == nil)
    #expect(RegressionTest(direction: .higher).judge(51, against: flat).outcome == .steady)  // 2%
    #expect(RegressionTest(direction: .higher).judge(53, against: flat).outcome == .regressed)  // 6%
    let zeros: [Double] = [0, 0, 0, 0, 0]
    let fromZero = RegressionTest(direction: .higher).judge(0.001, against: zeros)
    #expect(fromZero.outcome == .regressed)
    #expect(fromZero.relativeChange == nil)
    #expect(RegressionTest(direction: .higher).judge(0, against: zeros).outcome == .steady)
  }

  /// Fewer runs than the minimum: insufficient history, whatever the figure.
  @Test func insufficientHistory() {
    let few = RegressionTest(direction: .higher).judge(1000, against: [1, 2, 3, 4])
    #expect(few.outcome == .insufficientHistory)
    #expect(few.runs == 4)
    #expect(few.regressed == false)
    let none = RegressionTest(direction: .higher).judge(1, against: [])
    #expect(none.outcome == .insufficientHistory)
    #expect(none.spread == nil)
    let two = RegressionPolicy(minRuns: 2)
    #expect(
      RegressionTest(policy: two, direction: .higher).judge(1000, against: [1, 2]).outcome
        == .regressed)
  }

  /// z exactly at sigma does not regress: the test is strict, as git-perf's.
  @Test func sigmaIsStrict() {
    // median 10, MAD 1 → scaled 1.4826; 10 + 4 · 1.4826 is z = 4 up to rounding.
    let runs: [Double] = [9, 10, 11, 10, 9, 11, 10]
    let verdict = RegressionTest(direction: .higher).judge(10 + 4 * 1.4826, against: runs)
    #expect(abs((verdict.robustZ ?? 0) - 4) < 1e-12)
    #expect(verdict.outcome == .steady)
  }

  /// A metric's `regression:` settings replace only the defaults they name.
  @Test func policyFromSettings() throws {
    guard case .success(let change) = QuantityParser.parse("10%"),
      case .success(let absolute) = QuantityParser.parse("2ms")
    else {
      Issue.record("quantities")
      return
    }
    let policy = RegressionPolicy(
      RegressionSettings(sigma: 3, minChange: change, minAbsolute: absolute))
    #expect(policy.sigma == 3)
    #expect(abs(policy.minRelativeChange - 0.1) < 1e-12)
    #expect(abs(policy.minAbsoluteChange - 0.002) < 1e-12)
    #expect(policy.minRuns == RegressionPolicy.defaultMinRuns)
    #expect(RegressionPolicy(nil) == RegressionPolicy())
  }
}

/// The median and MAD against NumPy's on random data: `numpy.median(x)` and
/// `numpy.median(numpy.abs(x - numpy.median(x)))`.
@Suite struct RobustSpreadOracleTests {
  @Test func matchesNumPy() throws {
    var generator = SeededGenerator(seed: 20_261_201)
    var cases: [[Double]] = []
    for index in 0..<200 {
      let count = 1 + generator.next(index < 100 ? 12 : 400)
      var values: [Double] = []
      for _ in 0..<count {
        // Latencies around 100ms, with ties and an occasional far outlier.
        let base = 0.1 + Double(generator.next(2000)) / 100_000
        let outlier = generator.next(20) == 0 ? Double(generator.next(50)) : 0
        values.append(generator.next(5) == 0 ? 0.1 : base + outlier)
      }
      cases.append(values)
    }
    let input = try JSONSerialization.data(withJSONObject: cases)
    let script = """
      import json, sys
      try:
          import numpy
      except ImportError:
          sys.exit("numpy is missing: `make test-deps` installs it")
      out = []
      for x in json.load(sys.stdin):
          a = numpy.array(x, dtype=float)
          m = numpy.median(a)
          out.append([float(m), float(numpy.median(numpy.abs(a - m)))])
      json.dump(out, sys.stdout)
      """
    let directory = try TemporaryDirectory()
    let result = try runProcess("python3", ["-c", script], stdin: input, cwd: directory.path)
    try #require(result.succeeded, "\(result.stderrText)")
    let expected = try #require(
      try JSONSerialization.jsonObject(with: result.stdout) as? [[Double]])
    #expect(expected.count == cases.count)
    for (values, oracle) in zip(cases, expected) {
      let spread = try #require(RobustSpread(values))
      #expect(abs(spread.median - oracle[0]) <= 1e-12 * max(1, abs(oracle[0])), "\(values)")
      #expect(abs(spread.mad - oracle[1]) <= 1e-12 * max(1, abs(oracle[1])), "\(values)")
    }
  }
}
