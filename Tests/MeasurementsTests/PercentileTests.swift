import BudgetKit
import Measurements
import Testing

/// Percentiles worked out by hand on the samples 15, 20, 35, 40, 50 (given unsorted).
@Suite struct PercentileTests {
  static let samples: [Double] = [35, 50, 15, 40, 20].sorted()

  /// Linear (NumPy's default): h = (5 - 1) · p / 100, then interpolate between x[⌊h⌋] and the next.
  @Test(arguments: [
    (0.0, 15.0),  // the smallest sample
    (5, 16),  // h = 0.2: 15 + 0.2 · 5
    (25, 20),  // h = 1: x[1]
    (40, 29),  // h = 1.6: 20 + 0.6 · 15
    (50, 35),  // h = 2: x[2]
    (95, 48),  // h = 3.8: 40 + 0.8 · 10
    (99, 49.6),  // h = 3.96: 40 + 0.96 · 10
    (100, 50),  // the largest sample
  ])
  func linear(percent: Double, expected: Double) throws {
    let value = try #require(PercentileMethod.linear.percentile(percent, ofSorted: Self.samples))
    #expect(abs(value - expected) < 1e-9)
  }

  /// Nearest rank: x[⌈p / 100 · 5⌉ - 1], and x[0] for p0.
  @Test(arguments: [
    (0.0, 15.0),
    (5, 15),  // rank ⌈0.25⌉ = 1
    (30, 20),  // rank ⌈1.5⌉ = 2
    (40, 20),  // rank ⌈2⌉ = 2: exactly 40% of the samples are at or below 20
    (50, 35),  // rank ⌈2.5⌉ = 3
    (95, 50),  // rank ⌈4.75⌉ = 5
    (100, 50),
  ])
  func nearestRank(percent: Double, expected: Double) throws {
    #expect(PercentileMethod.nearestRank.percentile(percent, ofSorted: Self.samples) == expected)
  }

  /// 1…10: p90 is 9.1 by interpolation (h = 8.1) and 9 by rank (⌈9⌉ = 9).
  @Test func onesToTen() {
    let samples = (1...10).map(Double.init)
    #expect(abs((PercentileMethod.linear.percentile(90, ofSorted: samples) ?? 0) - 9.1) < 1e-9)
    #expect(PercentileMethod.nearestRank.percentile(90, ofSorted: samples) == 9)
  }

  /// 1…1000: p99.9 by rank is the 999th sample, though 99.9 · 1000 / 100 is not exact in binary.
  @Test func nearestRankSurvivesRounding() {
    let samples = (1...1000).map(Double.init)
    #expect(PercentileMethod.nearestRank.percentile(99.9, ofSorted: samples) == 999)
    #expect(PercentileMethod.nearestRank.percentile(95, ofSorted: Array(samples.prefix(20))) == 19)
  }

  @Test func singleSampleAndEmpty() {
    #expect(PercentileMethod.linear.percentile(95, ofSorted: [7]) == 7)
    #expect(PercentileMethod.nearestRank.percentile(95, ofSorted: [7]) == 7)
    #expect(PercentileMethod.linear.percentile(95, ofSorted: []) == nil)
  }

  @Test func meanOfSamples() {
    let set = SampleSet(
      baseValues: [15, 20, 35, 40, 50], unit: try! unit("ms"), location: .start(of: "m"))
    #expect(set.value(of: .mean, method: .linear) == 32)
  }
}

/// A unit by symbol, through the quantity parser.
func unit(_ symbol: String) throws -> QuantityUnit {
  guard case .success(let quantity) = QuantityParser.parse("1\(symbol)") else {
    throw UnitLookupFailure(symbol: symbol)
  }
  return quantity.unit
}

struct UnitLookupFailure: Error {
  var symbol: String
}
