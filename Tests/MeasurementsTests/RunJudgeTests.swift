import BudgetKit
import Foundation
import Measurements
import Testing

/// A judge made for one budget's runs (`history BUDGET`) works its bounds out once per tree and
/// judges only the figures; its verdicts are the same, field for field, as a `BudgetChecker`
/// run of each run's figures.
@Suite struct RunJudgeTests {
  static let samplesBudget = """
    version: 1
    kind: Budget
    name: ranker
    owner: ml-eng
    metrics:
      latency_p95: { dimension: latency, max: 40ms }
      latency_p50: { dimension: latency, max: 20ms }
      recall:      { dimension: quality, min: 0.8 }
    environments:
      staging: { latency_p95: { max: 60ms } }
    """

  static func run(_ figures: String, environment: String = "production") throws -> RecordedRun {
    let json = """
      {"version": 1, "kind": "Measurements", "environment": "\(environment)", "values": \(figures)}
      """
    let measurements = try MeasurementsParser().parse(Array(json.utf8), path: "m.json")
    return RecordedRun(
      measurements: measurements, commit: String(repeating: "ab", count: 20),
      recordedAt: Date(timeIntervalSince1970: 1_764_000_000), environment: nil,
      source: RunSource(tool: "bursar", format: "json", file: "m.json"),
      recorder: RunRecorder(name: "CI", email: "ci@example.com"))
  }

  static let runs: [(String, String)] = [
    // Within, breached, excepted in production while the peak exception is in force.
    (
      #"{"fraud-detector": {"latency_p95": "90ms", "latency_p99": "170ms", "precision": 0.96}}"#,
      "production"
    ),
    (
      #"{"fraud-detector": {"latency_p95": "120ms", "memory": "3GiB", "precision": 0.9, "cost_per_1k": "0.5 USD"}}"#,
      "production"
    ),
    (#"{"fraud-detector": {"latency_p95": "140ms", "availability": "99.95%"}}"#, "production"),
    // Staging has its own cap and no exception.
    (#"{"fraud-detector": {"latency_p95": "140ms"}}"#, "staging"),
    // A figure of the wrong scale, and one in the wrong unit.
    (#"{"fraud-detector": {"latency_p95": "0.0001ms", "memory": "2"}}"#, "production"),
    (#"{"fraud-detector": {"latency_p95": "12 USD"}}"#, "production"),
    // Another budget beside it, and one the tree lacks.
    (
      #"{"search-ranking": {"fpr": "2%"}, "fraud-detector": {"precision": 0.97}, "gone": {"x": 1}}"#,
      "production"
    ),
    // Raw samples for a metric that takes their percentile.
    (
      #"{"ranker": {"latency": {"unit": "ms", "samples": [12, 15, 11, 30, 18, 50, 9]}, "recall": 0.85}}"#,
      "production"
    ),
    (
      #"{"ranker": {"latency": {"unit": "ms", "samples": [12, 15, 11, 30, 18, 50, 9]}}}"#,
      "staging"
    ),
    (#"{"ranker": {"latency": "30ms", "recall": 0.7}}"#, "production"),
  ]

  /// Judges each run in its environment on each day, for each metric (nil: all), with a judge
  /// made for the budget and with one that runs the whole check; expects the same verdicts and
  /// says how many there were.
  static func compare(
    _ tree: BudgetTree, budget name: BudgetName, runs: [(String, String)], days: [String],
    metrics: [String?]
  ) throws -> Int {
    let once = RunJudge(tree: tree, budget: name)
    let each = RunJudge(tree: tree)
    var judged = 0
    for (figures, environment) in runs {
      let run = try Self.run(figures, environment: environment)
      for day in days {
        let at = try #require(Timestamp.parse(day))
        for metric in metrics {
          let metric = metric.map { MetricName($0) }
          let fast = once.judge(run, at: at, budget: name, metric: metric)
          let checked = each.judge(run, at: at, budget: name, metric: metric)
          #expect(
            "\(fast)" == "\(checked)",
            "\(figures) \(environment) \(day) \(String(describing: metric))")
          judged += checked.count
        }
      }
    }
    return judged
  }

  @Test(arguments: ["fraud-detector", "ranker", "search-ranking", "gone"])
  func theJudgeOfOneBudgetAgreesWithTheChecker(budget: String) throws {
    let tree = try CheckFixtures.tree(extra: [("models/ranker.yaml", Self.samplesBudget)])
    let name = BudgetName(budget)
    let judged = try Self.compare(
      tree, budget: name, runs: Self.runs, days: ["2026-10-15", "2026-11-25", "2026-12-20"],
      metrics: [nil, "latency_p95", "precision", "latency", "recall"])
    if budget == "fraud-detector" || budget == "ranker" { #expect(judged > 20) }
  }

  /// Runs of `ShapeCheckTests.budget`, whose shapes' verdicts read other figures or entries
  /// of their own: parts of a whole, a rolling window, groups, a drift test, a billing period, a
  /// baseline.
  static let shapeRuns: [String] = [
    #"""
    {"shapes": {"precision": 0.945, "latency_p95": "100ms", "extract_ms": "15ms", "infer_ms": "70ms",
      "accuracy_7d": {"times": ["2026-11-17T00:00:00Z", "2026-11-19T00:00:00Z", "2026-11-22T00:00:00Z", "2026-11-25T00:00:00Z"], "values": [0.80, 0.93, 0.94, 0.95]},
      "fpr_gap": {"groups": {"online": "1.9%", "in_store": "2.6%", "marketplace": "5.1%"}},
      "approval_ratio": {"groups": {"eu": 0.7, "us": 0.9, "apac": 0.8}},
      "amount_drift": {"reference": [1, 2, 3, 4, 5], "current": [6, 7, 8, 9, 10]},
      "spend": "10000 USD"}}
    """#,
    // The whole without its parts, a part alone, and figures that do not fit their shapes.
    #"{"shapes": {"latency_p95": "90ms", "spend": "13000 USD"}}"#,
    #"{"shapes": {"infer_ms": "80ms", "fpr_gap": {"groups": {"a": "1%", "b": "9%"}}}}"#,
    #"{"shapes": {"fpr_gap": "2%", "amount_drift": {"reference": [1, 2], "current": [3, 4]}}}"#,
    #"{"shapes": {"accuracy_7d": 0.95, "extract_ms": "12 USD"}}"#,
  ]

  @Test func shapesAreJudgedAsTheCheckerJudgesThem() throws {
    let tree = try CheckFixtures.tree(extra: [("models/shapes.yaml", ShapeCheckTests.budget)])
    let name = BudgetName("shapes")
    let metrics: [String?] = [
      nil, "precision", "latency_p95", "extract_ms", "infer_ms", "accuracy_7d", "fpr_gap",
      "amount_drift", "spend", "approval_ratio", "latency",
    ]
    let runs = Self.shapeRuns.flatMap { figures in
      ["production", "staging"].map { (figures, $0) }
    }
    let judged = try Self.compare(
      tree, budget: name, runs: runs, days: ["2026-11-25", "2026-12-01"], metrics: metrics)
    #expect(judged > 60)
  }

  /// The verdicts the fixtures above are meant to reach, so the comparison is not of two
  /// empty lists.
  @Test func theVerdictsAreThoseOfCheck() throws {
    let tree = try CheckFixtures.tree(extra: [("models/ranker.yaml", Self.samplesBudget)])
    let judge = RunJudge(tree: tree, budget: BudgetName("fraud-detector"))
    let at = try #require(Timestamp.parse("2026-11-25"))
    func verdicts(_ index: Int) throws -> [String: String] {
      let (figures, environment) = Self.runs[index]
      let results = judge.judge(
        try Self.run(figures, environment: environment), at: at,
        budget: BudgetName("fraud-detector"))
      return Dictionary(
        uniqueKeysWithValues: results.map { ($0.metric.rawValue, $0.verdict.name) })
    }
    #expect(try verdicts(0)["latency_p95"] == "within")
    #expect(try verdicts(1)["memory"] == "breached")
    #expect(try verdicts(1)["latency_p95"] == "excepted")
    #expect(try verdicts(3)["latency_p95"] == "within")
    #expect(try verdicts(5).isEmpty)
  }
}
