import BudgetKit
import Foundation
import Measurements
import TestSupport
import Testing

/// Mappings applied to real tools' figures: verdicts worked out by hand from the fixtures, and
/// every way a mapping and an output can disagree, each reported at its place.
@Suite struct MappingApplicationTests {

  static let budget = """
    version: 1
    kind: Budget
    name: scorer
    owner: sre
    metrics:
      latency_p95: { dimension: latency, max: 200ms }
      latency_p50: { dimension: latency, max: 50ms }
      availability: { dimension: latency, slo: 99%, window: 1d }
      accuracy: { dimension: quality, min: 0.95 }
      bench_p95: { dimension: latency, max: 20us }
    """

  static func tree(_ mapping: String) throws -> BudgetTree {
    let files = [
      ".budgets/owners.yaml": ImportFiles.owners, ".budgets/scorer.yaml": budget,
      ".budgets/imports/map.yaml": mapping,
    ]
    let tree = BudgetTreeLoader(day: CalendarDay("2026-12-01")!).load(
      files.map { BudgetSourceFile(path: $0.key, content: .bytes(Array($0.value.utf8))) })
    try #require(tree.isValid, "\(tree.diagnostics)")
    return tree
  }

  static func apply(_ mapping: String, _ outputs: [ToolOutput], tool: ImportTool) throws
    -> (ImportedMeasurements, BudgetTree)
  {
    let tree = try tree(mapping)
    let figures = try outputs.flatMap { try tool.figures(from: $0) }
    let imported = try MappingApplication(budgets: tree.budgets).apply(
      tree.imports, to: figures, path: "out")
    return (imported, tree)
  }

  static func check(_ imported: ImportedMeasurements, _ tree: BudgetTree) throws -> CheckReport {
    try BudgetChecker(tree: tree, options: CheckOptions(allowMissing: true)).check(
      imported.measurements)
  }

  /// The fixture's `/score` p95 is 160ms (within 200ms), p50 75ms (above 50ms); Aggregated holds
  /// 17 failures of 221 requests: 204/221 = 92.3% good, below 99%.
  @Test func locustVerdicts() throws {
    let (imported, tree) = try Self.apply(
      ImportFiles.locustMapping, [try ToolFixtures.output("locust_stats.csv")], tool: .locust)
    let report = try Self.check(imported, tree)
    let verdicts = Dictionary(
      uniqueKeysWithValues: report.results.map { ($0.metric.rawValue, $0.verdict) })
    #expect(verdicts["latency_p95"] == .within)
    #expect(verdicts["latency_p50"] == .breached)
    #expect(verdicts["availability"] == .breached)
    let availability = try #require(report.results.first { $0.metric == "availability" })
    #expect(abs((availability.figure?.value ?? 0) - 204.0 / 221.0) < 1e-12)
    #expect(report.results.first { $0.metric == "latency_p95" }?.figure?.text == "160ms")
    // 80 figures, 4 mapped: the rest are listed, none dropped.
    #expect(imported.unmapped.count == 80 - 4)
  }

  /// Prometheus: good and total from two named results, the latency from a third with its
  /// `unit`; a gauge series (MLflow's history) judged by its latest point.
  @Test func prometheusResultsAndGauges() throws {
    let mapping = """
      version: 1
      kind: Import
      tool: prometheus
      figures:
        - budget: scorer
          metric: latency_p95
          query: request_latency_seconds{quantile="0.95"}
          result: latency
          unit: s
        - budget: scorer
          metric: availability
          good: { query: 'sum(increase(http_requests_total{code="200"}[2s]))', result: good }
          total: { query: 'sum(increase(http_requests_total[2s]))', result: total }
      """
    let outputs = [
      try ToolFixtures.output("prometheus_latency.json", as: "latency"),
      try ToolFixtures.output("prometheus_range_good.json", as: "good"),
      try ToolFixtures.output("prometheus_range_total.json", as: "total"),
    ]
    let (imported, tree) = try Self.apply(mapping, outputs, tool: .prometheus)
    let report = try Self.check(imported, tree)
    let latency = try #require(report.results.first { $0.metric == "latency_p95" })
    #expect(latency.figure?.text == "0.087s")
    #expect(latency.verdict == .within)
    let availability = try #require(report.results.first { $0.metric == "availability" })
    // Four 2-second buckets: 8002 good of 8017.968… events.
    let expected = (2002.0 + 2000 + 2000 + 2000) / (2006.0 + 2003.968253968254 + 2004 + 2004)
    #expect(abs((availability.figure?.value ?? 0) - expected) < 1e-12)
    #expect(availability.verdict == .within)
    #expect(imported.unmapped.isEmpty)

    let gauge = """
      version: 1
      kind: Import
      tool: mlflow
      figures:
        - { name: precision, statistic: history, budget: scorer, metric: accuracy, unit: "1" }
      """
    let (history, gaugeTree) = try Self.apply(
      gauge, [try ToolFixtures.output("mlflow_metric_history.json")], tool: .mlflow)
    let accuracy = try #require(
      try Self.check(history, gaugeTree).results.first { $0.metric == "accuracy" })
    #expect(accuracy.figure?.value == 0.962)
    #expect(accuracy.verdict == .within)
    if case .latest(let points, let time)? = accuracy.figure?.source {
      #expect(points == 3)
      #expect(time == 1_796_160_120)
    } else {
      Issue.record("judged by the latest point")
    }
  }

  /// pytest-benchmark's raw samples, in seconds, give the metric's percentile.
  @Test func pytestBenchmarkSamples() throws {
    let mapping = """
      version: 1
      kind: Import
      tool: pytest-benchmark
      figures:
        - { name: test_score, statistic: data, budget: scorer, metric: bench_p95 }
      """
    let (imported, tree) = try Self.apply(
      mapping, [try ToolFixtures.output("pytest-benchmark.json")], tool: .pytestBenchmark)
    let result = try #require(
      try Self.check(imported, tree).results.first { $0.metric == "bench_p95" })
    let figures = try ImportTool.pytestBenchmark.figures(
      from: try ToolFixtures.output("pytest-benchmark.json"))
    guard
      case .samples(let samples, _)? = figures.first(where: {
        $0.name == "test_score" && $0.statistic == "data"
      })?.value
    else {
      Issue.record("samples")
      return
    }
    let sorted = samples.sorted()
    let rank = 0.95 * Double(sorted.count - 1)
    let low = Int(rank.rounded(.down))
    let linear =
      sorted[low] + (sorted[min(low + 1, sorted.count - 1)] - sorted[low]) * (rank - Double(low))
    #expect(abs((result.figure?.value ?? 0) - linear) < 1e-15)
  }

  static let problems: [(String, String, String)] = [
    // A unit the tool states differs from the mapping's.
    (
      "  - { name: /score, labels: { Type: POST }, statistic: \"95%\", budget: scorer, metric: latency_p95, unit: s }",
      "map.yaml:5:", "locust writes"
    ),
    // A figure of another family than the metric's.
    (
      "  - { name: /score, labels: { Type: POST }, statistic: Requests/s, budget: scorer, metric: latency_p95 }",
      "map.yaml:5:", "capped in duration"
    ),
    // Several figures match.
    (
      "  - { name: /score, budget: scorer, metric: latency_p95 }", "map.yaml:5:",
      "matches 20 figures"
    ),
    // A column the tool gives no unit for, and the mapping neither.
    (
      "  - { name: /score, statistic: Some Column, budget: scorer, metric: latency_p95 }",
      "", ""
    ),
  ]

  @Test(arguments: problems.indices)
  func disagreementsAreReportedAtTheMapping(_ index: Int) throws {
    let (entry, place, words) = Self.problems[index]
    let mapping = "version: 1\nkind: Import\ntool: locust\nfigures:\n\(entry)\n"
    let tree = try Self.tree(mapping)
    var figures = try ImportTool.locust.figures(from: try ToolFixtures.output("locust_stats.csv"))
    if words.isEmpty {
      figures.append(
        ToolFigure(
          tool: .locust, name: "/score", statistic: "Some Column", value: .number(3, unit: nil),
          location: SourceLocation(path: "s.csv", line: 2, column: 9)))
    }
    let result = Result { () throws(MeasurementsError) in
      try MappingApplication(budgets: tree.budgets).apply(tree.imports, to: figures, path: "out")
    }
    guard case .failure(let error) = result else {
      Issue.record("\(entry) was applied")
      return
    }
    #expect(error.description.contains(place.isEmpty ? "map.yaml:5:" : place), "\(error)")
    #expect(error.description.contains(words.isEmpty ? "does not say the unit" : words), "\(error)")
  }
}
