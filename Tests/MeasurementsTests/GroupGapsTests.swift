import Foundation
import Measurements
import TestSupport
import Testing

/// Gaps between groups: hand-worked cases, then Fairlearn's `MetricFrame.difference()` and
/// `.ratio()` on seeded random predictions. Tolerance: 1e-9 relative (1e-12 absolute).
@Suite struct GroupGapsTests {
  /// Accuracy per merchant type: grocery 0.9, travel 0.6, fuel 0.75; overall 0.8.
  static let accuracy = GroupGaps(
    groups: [
      GroupFigure(group: "grocery", value: 0.9), GroupFigure(group: "travel", value: 0.6),
      GroupFigure(group: "fuel", value: 0.75),
    ],
    overall: 0.8)

  @Test func betweenGroups() throws {
    let difference = try #require(Self.accuracy.gap(.difference, .betweenGroups).gap)
    #expect(abs(difference.value - 0.3) < 1e-15)
    #expect(difference.pair == .groups(lowest: "travel", highest: "grocery"))
    let ratio = try #require(Self.accuracy.gap(.ratio, .betweenGroups).gap)
    #expect(abs(ratio.value - 0.6 / 0.9) < 1e-15)
  }

  /// To overall: |0.9 − 0.8| = 0.1, |0.6 − 0.8| = 0.2, |0.75 − 0.8| = 0.05: travel, 0.2.
  /// Ratios made at most 1: 0.8/0.9 = 0.889, 0.6/0.8 = 0.75, 0.75/0.8 = 0.9375: travel, 0.75.
  @Test func toOverall() throws {
    let difference = try #require(Self.accuracy.gap(.difference, .toOverall).gap)
    #expect(abs(difference.value - 0.2) < 1e-15)
    #expect(difference.pair == .groupAndOverall(group: "travel"))
    #expect(difference.secondFigure == 0.8)
    let ratio = try #require(Self.accuracy.gap(.ratio, .toOverall).gap)
    #expect(abs(ratio.value - 0.75) < 1e-15)
    #expect(ratio.pair == .groupAndOverall(group: "travel"))
  }

  /// False-positive rates from counts: a 2/10, b 0/0 (no negatives: undefined), c 3/5.
  /// Overall 5/15. b is left out and said to be; d, in the reference, is missing.
  @Test func ratesFromCounts() throws {
    let gaps = GroupGaps.rates(
      [("a", 2, 10), ("b", 0, 0), ("c", 3, 5), ("e", 1, 0)], expectedGroups: ["a", "b", "c", "d"])
    let gap = try #require(gaps.gap(.difference, .betweenGroups).gap)
    #expect(abs(gap.value - 0.4) < 1e-15)
    #expect(gap.pair == .groups(lowest: "a", highest: "c"))
    #expect(gap.leftOut.map(\.group) == ["b", "e"])
    #expect(gap.leftOut.map(\.missing) == [.noMembers, .zeroTotal(numerator: 1)])
    #expect(gap.missing == ["d"])
    let overall = try #require(gaps.gap(.difference, .toOverall).gap)
    #expect(abs(overall.value - (0.6 - 6.0 / 15)) < 1e-15)
  }

  @Test func undefinedGaps() {
    let zeros = GroupGaps(
      groups: [GroupFigure(group: "a", value: 0), GroupFigure(group: "b", value: 0)], overall: 0)
    #expect(
      zeros.gap(.ratio, .betweenGroups)
        == .insufficientData(.ratioOfZero(denominator: 0), leftOut: [], missing: []))
    #expect(
      zeros.gap(.ratio, .toOverall)
        == .insufficientData(.ratioOfZero(denominator: 0), leftOut: [], missing: []))
    #expect(zeros.gap(.difference, .betweenGroups).gap?.value == 0)
    let none = GroupGaps(groups: [GroupFigure(group: "a", value: nil)], overall: nil)
    #expect(
      none.gap(.difference, .betweenGroups)
        == .insufficientData(
          .tooFewGroups(withFigure: 0, minimum: 1),
          leftOut: [GroupFigure(group: "a", value: nil)], missing: []))
    let noOverall = GroupGaps(groups: [GroupFigure(group: "a", value: 1)], overall: nil)
    #expect(
      noOverall.gap(.difference, .toOverall)
        == .insufficientData(.noOverall, leftOut: [], missing: []))
  }

  /// Fairlearn's MetricFrame with accuracy and false-positive rate per group, on seeded
  /// predictions over 3 to 1,000 groups.
  @Test func matchesFairlearn() throws {
    try PythonOracle.require("numpy", "pandas", "sklearn", "fairlearn")
    var generator = SeededGenerator(seed: 424_242)
    var datasets: [(groups: [Int], truth: [Int], predicted: [Int])] = []
    for groupCount in [3, 7, 40, 1_000] {
      let rows = groupCount * 30
      var groups: [Int] = []
      var truth: [Int] = []
      var predicted: [Int] = []
      for _ in 0..<rows {
        let group = generator.next(groupCount)
        let skill = 0.5 + 0.45 * Double(group % 10) / 10
        let y = generator.next(2)
        groups.append(group)
        truth.append(y)
        predicted.append(generator.unit() < skill ? y : 1 - y)
      }
      datasets.append((groups, truth, predicted))
    }
    func ints(_ values: [Int]) -> String {
      "[" + values.map(String.init).joined(separator: ",") + "]"
    }
    let data =
      "["
      + datasets.map { d in
        "{\"g\":\(ints(d.groups)),\"t\":\(ints(d.truth)),\"p\":\(ints(d.predicted))}"
      }.joined(separator: ",") + "]"
    let script = """
      import json, sys, warnings
      warnings.simplefilter("ignore")
      from fairlearn.metrics import MetricFrame, false_positive_rate
      from sklearn.metrics import accuracy_score
      for d in json.load(open(sys.argv[1])):
          g = ["g%d" % x for x in d["g"]]
          for metric in (accuracy_score, false_positive_rate):
              mf = MetricFrame(metrics=metric, y_true=d["t"], y_pred=d["p"], sensitive_features=g)
              print(" ".join(repr(float(v)) for v in (
                  mf.difference(method="between_groups"), mf.difference(method="to_overall"),
                  mf.ratio(method="between_groups"), mf.ratio(method="to_overall"))))
      """
    let lines = try PythonOracle.run(script, data: data)
    try #require(lines.count == datasets.count * 2)
    var line = 0
    for d in datasets {
      var correct: [Int: Double] = [:]
      var count: [Int: Double] = [:]
      var falsePositives: [Int: Double] = [:]
      var negatives: [Int: Double] = [:]
      for (g, (t, p)) in zip(d.groups, zip(d.truth, d.predicted)) {
        correct[g, default: 0] += t == p ? 1 : 0
        count[g, default: 0] += 1
        negatives[g, default: 0] += t == 0 ? 1 : 0
        falsePositives[g, default: 0] += t == 0 && p == 1 ? 1 : 0
      }
      let names = count.keys.sorted()
      let metrics = [
        GroupGaps.rates(names.map { ("g\($0)", correct[$0] ?? 0, count[$0] ?? 0) }),
        GroupGaps.rates(names.map { ("g\($0)", falsePositives[$0] ?? 0, negatives[$0] ?? 0) }),
      ]
      for gaps in metrics {
        let expected = lines[line].split(separator: " ").compactMap { Double($0) }
        line += 1
        try #require(expected.count == 4)
        let ours = [
          gaps.gap(.difference, .betweenGroups), gaps.gap(.difference, .toOverall),
          gaps.gap(.ratio, .betweenGroups), gaps.gap(.ratio, .toOverall),
        ]
        for (outcome, reference) in zip(ours, expected) {
          let value = try #require(outcome.gap?.value, "no gap where Fairlearn gives \(reference)")
          #expect(
            PythonOracle.close(value, reference, relative: 1e-9, absolute: 1e-12),
            "\(value) vs Fairlearn \(reference) over \(names.count) groups")
        }
      }
    }
  }
}
