import Foundation
import Measurements
import TestSupport
import Testing

/// Trailing windows over a series: hand-worked cases, then pandas' `rolling('7D')` on seeded
/// irregular series. Tolerance: 1e-9 relative (1e-12 absolute).
@Suite struct RollingWindowTests {
  static let day = 86_400.0
  /// Values 1, 2, 3, 4, 5 on days 0, 1, 2, 3, 10.
  static let series = TimeSeries(
    times: [0, 1, 2, 3, 10].map { $0 * day }, values: [1, 2, 3, 4, 5])

  /// A 3-day window ending on day 3 holds days 1, 2, 3 (day 0 is at the open left end): mean 3.
  @Test func windowIsOpenOnTheLeft() throws {
    let window = try #require(RollingWindow(length: 3 * Self.day))
    #expect(window.value(of: Self.series, at: 3 * Self.day) == .value(3, points: 3))
    // Half a day later day 0 is still out and nothing new is in.
    #expect(window.value(of: Self.series, at: 3.5 * Self.day) == .value(3, points: 3))
    // Day 8: the window (5, 8] holds nothing.
    #expect(
      window.value(of: Self.series, at: 8 * Self.day) == .insufficientData(points: 0, minimum: 1))
  }

  @Test func otherStatistics() throws {
    let at = 3 * Self.day
    let length = 4 * Self.day
    for (statistic, expected) in [
      (RollingStatistic.min, 1.0), (.max, 4), (.median, 2.5), (.sum, 10), (.count, 4),
    ] {
      let window = try #require(RollingWindow(length: length, statistic: statistic))
      #expect(window.value(of: Self.series, at: at).value == expected, "\(statistic)")
      #expect(window.values(of: Self.series, at: [at]).first?.value == expected, "\(statistic)")
    }
  }

  @Test func minimumPointsAndNaN() throws {
    let series = TimeSeries(times: [0, 1, 2], values: [1, .nan, 3])
    let window = try #require(RollingWindow(length: 10, minimumPoints: 2))
    #expect(window.value(of: series, at: 1) == .insufficientData(points: 1, minimum: 2))
    #expect(window.value(of: series, at: 2) == .value(2, points: 2))
    #expect(window.value(of: series, at: .nan) == .insufficientData(points: 0, minimum: 2))
    #expect(
      window.values(of: series, at: [2, .nan, .infinity]) == [
        .value(2, points: 2), .insufficientData(points: 0, minimum: 2),
        .insufficientData(points: 0, minimum: 2),
      ])
    #expect(RollingWindow(length: 0) == nil)
    #expect(RollingWindow(length: .nan) == nil)
  }

  /// Sliding over many instants gives what each instant alone gives, in the order asked.
  @Test func slidingMatchesSingleInstants() throws {
    var generator = SeededGenerator(seed: 5)
    var time = 0.0
    var times: [Double] = []
    var values: [Double] = []
    for _ in 0..<2_000 {
      time += Double(1 + generator.next(3_600))
      times.append(time)
      values.append(generator.next(10) == 0 ? .nan : generator.normal())
    }
    let series = TimeSeries(times: times, values: values)
    let instants = (0..<300).map { _ in generator.unit() * (time + 7_200) - 3_600 }
    for statistic in RollingStatistic.allCases {
      let window = try #require(RollingWindow(length: 6 * 3_600, statistic: statistic))
      let sliding = window.values(of: series, at: instants)
      for (instant, outcome) in zip(instants, sliding) {
        let single = window.value(of: series, at: instant)
        switch (outcome, single) {
        case (.value(let a, let n), .value(let b, let m)):
          #expect(n == m && PythonOracle.close(a, b, relative: 1e-12, absolute: 1e-12))
        default:
          #expect(outcome == single)
        }
      }
    }
  }

  /// pandas: `Series(values, DatetimeIndex).rolling(window).agg()` at every point.
  @Test func matchesPandas() throws {
    try PythonOracle.require("numpy", "pandas")
    var generator = SeededGenerator(seed: 31_337)
    var time = 1_700_000_000.0
    var times: [Double] = []
    var values: [Double] = []
    for _ in 0..<5_000 {
      time += Double(
        generator.next(4) == 0 ? 36_000 + generator.next(200_000) : 60 + generator.next(3_000))
      times.append(time)
      values.append(generator.next(25) == 0 ? .nan : 100 + 20 * generator.normal())
    }
    let lengths = [("7D", 7 * Self.day), ("6h", 6 * 3_600.0), ("90min", 5_400.0)]
    let data =
      "{\"t\":\(PythonOracle.json(times)),\"v\":["
      + values.map { $0.isNaN ? "NaN" : "\($0)" }.joined(separator: ",") + "],\"w\":["
      + lengths.map { "\"\($0.0)\"" }.joined(separator: ",") + "]}"
    let script = """
      import json, sys
      import pandas as pd
      d = json.load(open(sys.argv[1]))
      s = pd.Series(d["v"], index=pd.to_datetime([int(t) for t in d["t"]], unit="s"))
      for w in d["w"]:
          r = s.rolling(w)
          for name, out in (("mean", r.mean()), ("min", r.min()), ("max", r.max()),
                            ("median", r.median()), ("sum", r.sum())):
              print(" ".join(repr(float(x)) for x in out.to_numpy()))
      """
    let lines = try PythonOracle.run(script, data: data)
    let statistics: [RollingStatistic] = [.mean, .min, .max, .median, .sum]
    try #require(lines.count == lengths.count * statistics.count)
    let series = TimeSeries(times: times, values: values)
    var line = 0
    for (name, length) in lengths {
      for statistic in statistics {
        let expected = lines[line].split(separator: " ").map { Double($0) ?? .nan }
        line += 1
        try #require(expected.count == times.count)
        let window = try #require(RollingWindow(length: length, statistic: statistic))
        let ours = window.values(of: series, at: times)
        var mismatches = 0
        for (index, (outcome, reference)) in zip(ours, expected).enumerated() {
          let agrees: Bool
          if reference.isNaN {
            agrees = outcome.value == nil
          } else if let value = outcome.value {
            agrees = PythonOracle.close(value, reference, relative: 1e-9, absolute: 1e-12)
          } else {
            agrees = false
          }
          if !agrees {
            mismatches += 1
            if mismatches <= 3 {
              Issue.record("\(name) \(statistic) at \(index): \(outcome) vs pandas \(reference)")
            }
          }
        }
        #expect(mismatches == 0, "\(name) \(statistic)")
      }
    }
  }
}
