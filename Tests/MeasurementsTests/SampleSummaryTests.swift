import BudgetKit
import Foundation
import TestSupport
import Testing

@testable import Measurements

/// Percentiles read back from a run's HDR summary against the exact percentiles of the raw
/// samples: by hand, on random data against `PercentileMethod`, and against NumPy.
@Suite struct SampleSummaryTests {
  static let location = SourceLocation(path: "m.json", line: 1, column: 1)

  static func samples(_ values: [Double], unit: String = "ms") -> SampleSet {
    let unit = QuantityUnit.named(unit)!
    let factor = NSDecimalNumber(decimal: unit.factor).doubleValue
    return SampleSet(baseValues: values.map { $0 * factor }, unit: unit, location: location)
  }

  static func relativeError(_ estimate: Double, _ exact: Double) -> Double {
    exact == 0 ? abs(estimate) : abs(estimate - exact) / abs(exact)
  }

  /// 1…1000 ms: the ends and the mean are exact, p50 is 500.5 ms and p90 900.1 ms by
  /// interpolation, 500 and 900 ms by rank, each within the stated error.
  @Test func onesToAThousand() throws {
    let summary = SampleSummary(Self.samples((1...1000).map(Double.init)))
    #expect(summary.count == 1000)
    #expect(summary.value(of: .percentile(0), method: .linear) == 0.001)
    #expect(summary.value(of: .percentile(100), method: .linear) == 1.0)
    #expect(abs(try #require(summary.value(of: .mean, method: .linear)) - 0.5005) < 1e-12)
    for (percent, linear, rank) in [(50.0, 0.5005, 0.5), (90, 0.9001, 0.9), (99, 0.99001, 0.99)] {
      let byLinear = try #require(summary.value(of: .percentile(percent), method: .linear))
      let byRank = try #require(summary.value(of: .percentile(percent), method: .nearestRank))
      #expect(Self.relativeError(byLinear, linear) <= SampleSummary.relativeError)
      #expect(Self.relativeError(byRank, rank) <= SampleSummary.relativeError)
    }
    // The largest is 1 s, so a unit is 10^-12 s: a millisecond is 10^9 units, far wider than
    // any bucket below 1 s (2^20 units), so each sample has its own bucket.
    #expect(summary.buckets.count == 1000)
  }

  /// Random latencies of several shapes: every percentile of both methods within the error.
  @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
  func randomAgainstExact(seed: UInt64) throws {
    var random = SeededGenerator(seed: seed)
    let count = 1 + random.next(20_000)
    let shape = random.next(3)
    let values: [Double] = (0..<count).map { _ in
      let u = Double(random.next() % 1_000_000 + 1) / 1_000_001
      switch shape {
      case 0: return 5 + 200 * u  // uniform 5-205 ms
      case 1: return exp(3 + 1.5 * (u - 0.5) * 4)  // a wide lognormal-like spread
      default: return u < 0.99 ? 20 + u : 5_000 * u  // a tail 250 times the body
      }
    }
    let set = Self.samples(values)
    let summary = SampleSummary(set)
    for percent in [0.1, 1, 5, 25, 50, 75, 90, 95, 99, 99.9, 99.99] {
      for method in PercentileMethod.allCases {
        let exact = try #require(method.percentile(percent, ofSorted: set.sorted))
        let estimate = try #require(summary.value(of: .percentile(percent), method: method))
        #expect(
          Self.relativeError(estimate, exact) <= SampleSummary.relativeError,
          "seed \(seed) p\(percent) \(method): \(estimate) against \(exact)")
      }
    }
  }

  /// NumPy's percentiles (linear, and inverted_cdf for nearest rank) of the same samples.
  @Test func againstNumPy() throws {
    try requireNumPy()
    var random = SeededGenerator(seed: 42)
    let values: [Double] = (0..<50_000).map { _ in
      let u = Double(random.next() % 1_000_000 + 1) / 1_000_001
      return exp(2 + 3 * u) + Double(random.next(1000)) / 1000
    }
    let folder = try TemporaryDirectory(prefix: "hdr")
    let file = folder.appending("samples.txt")
    let seconds = Self.samples(values).sorted
    try Data(seconds.map { "\($0)" }.joined(separator: "\n").utf8).write(
      to: URL(fileURLWithPath: file))
    let percents = [1.0, 10, 50, 90, 95, 99, 99.9]
    let script = """
      import numpy, sys
      x = numpy.loadtxt(sys.argv[1])
      ps = [float(p) for p in sys.argv[2].split(',')]
      print(' '.join(repr(float(v)) for v in numpy.percentile(x, ps, method='linear')))
      print(' '.join(repr(float(v)) for v in numpy.percentile(x, ps, method='inverted_cdf')))
      """
    let result = try runProcess(
      "python3", ["-c", script, file, percents.map { "\($0)" }.joined(separator: ",")],
      cwd: folder.path)
    try #require(result.succeeded, "\(result.stderrText)")
    let lines = result.stdoutText.split(separator: "\n").map {
      $0.split(separator: " ").compactMap { Double($0) }
    }
    try #require(lines.count == 2 && lines.allSatisfy { $0.count == percents.count })
    let summary = SampleSummary(Self.samples(values))
    for (index, percent) in percents.enumerated() {
      let linear = try #require(summary.value(of: .percentile(percent), method: .linear))
      let rank = try #require(summary.value(of: .percentile(percent), method: .nearestRank))
      #expect(Self.relativeError(linear, lines[0][index]) <= SampleSummary.relativeError)
      #expect(Self.relativeError(rank, lines[1][index]) <= SampleSummary.relativeError)
    }
  }

  /// Two summaries of the same scale merge into exactly the summary of all their samples.
  @Test func mergeAddsBuckets() throws {
    var random = SeededGenerator(seed: 7)
    let a = (0..<5_000).map { _ in 10 + Double(random.next(90_000)) / 1000 }
    let b = (0..<3_000).map { _ in 50 + Double(random.next(49_000)) / 1000 }
    let merged = try #require(
      SampleSummary(Self.samples(a)).merged(with: SampleSummary(Self.samples(b))))
    let whole = SampleSummary(Self.samples(a + b))
    #expect(merged.buckets == whole.buckets)
    #expect(merged.count == 8_000)
    #expect(merged.minimum == whole.minimum && merged.maximum == whole.maximum)
  }

  /// Samples far below the largest are within half a unit of the scale instead.
  @Test func tinySamplesKeepAnAbsoluteBound() throws {
    let summary = SampleSummary(Self.samples([0, 0, 0.000_001, 1_000], unit: "s"))
    // The largest is 1000 s, so a unit is 10^-9 s: 1 µs is 1000 units, exact.
    #expect(summary.exponent == 9)
    let p40 = try #require(summary.value(of: .percentile(40), method: .nearestRank))
    #expect(p40 == 0)
    #expect(summary.value(of: .percentile(100), method: .nearestRank) == 1_000)
  }

  /// The bucket numbers stored runs use are HdrHistogram's: the highest value of the bucket
  /// a value's index names is the library's highest equivalent value, over the whole range.
  @Test func bucketIndicesAreHdrHistograms() {
    var random = SeededGenerator(seed: 11)
    var values: [UInt64] = [0, 1, 2047, 2048, 2049, 4095, 4096, 1 << 40, (1 << 52) + 12345]
    for _ in 0..<20_000 { values.append(random.next() >> UInt64(11 + random.next(53))) }
    for value in values {
      let index = SampleSummary.bucketIndex(of: value)
      #expect(
        SampleSummary.highestValue(ofBucket: index)
          == SampleSummary.shape.highestEquivalentForValue(value), "\(value)")
    }
    // Consecutive buckets have consecutive indices.
    #expect(SampleSummary.bucketIndex(of: 2047) + 1 == SampleSummary.bucketIndex(of: 2048))
    #expect(SampleSummary.bucketIndex(of: 4095) + 1 == SampleSummary.bucketIndex(of: 4096))
  }

  private func requireNumPy() throws {
    let result = try? runProcess("python3", ["-c", "import numpy"], cwd: "/")
    try #require(
      result?.succeeded == true,
      "python3's numpy is missing: `make test-deps` installs it. \(result?.stderrText ?? "")")
  }
}
