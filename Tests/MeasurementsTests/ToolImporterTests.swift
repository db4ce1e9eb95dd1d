import BudgetKit
import Foundation
import Measurements
import Testing

/// Each importer against outputs the real tools wrote, checked figure by figure against what
/// Python's csv and json modules read from the same files, and against bad input.
@Suite struct ToolImporterTests {
  static let cases: [(tool: ImportTool, file: String)] = [
    (.locust, "locust_stats.csv"), (.locust, "locust_stats_history.csv"),
    (.pytestBenchmark, "pytest-benchmark.json"), (.prometheus, "prometheus_vector.json"),
    (.prometheus, "prometheus_scalar.json"), (.prometheus, "prometheus_matrix.json"),
    (.mlflow, "mlflow_runs_get.json"), (.mlflow, "mlflow_metric_history.json"),
    (.k6, "k6_summary.json"),
  ]

  @Test(arguments: cases.indices)
  func figuresEqualWhatPythonReads(_ index: Int) throws {
    let (tool, file) = Self.cases[index]
    let figures = try tool.figures(from: try ToolFixtures.output(file))
    let oracle = try ToolFixtures.oracle(tool.rawValue, file)
    #expect(!figures.isEmpty)
    #expect(ToolFixtures.plain(figures) == oracle, "\(file)")
  }

  @Test(arguments: cases.indices)
  func contentSaysTheTool(_ index: Int) throws {
    let (tool, file) = Self.cases[index]
    #expect(try ToolDetection.detect(try ToolFixtures.output(file)) == .tool(tool))
  }

  @Test func detectionNeverGuesses() throws {
    #expect(throws: MeasurementsError.self) {
      try ToolDetection.detect(
        ToolFixtures.output(text: #"{"status": "success", "benchmarks": [], "data": {}}"#))
    }
    #expect(throws: MeasurementsError.self) {
      try ToolDetection.detect(ToolFixtures.output(text: #"{"hello": 1}"#))
    }
    #expect(throws: MeasurementsError.self) {
      try ToolDetection.detect(ToolFixtures.output(text: "a,b\n1,2\n", path: "x.csv"))
    }
    let bursar = ToolFixtures.output(text: "budget,metric,value\nx,y,1ms\n", path: "m.csv")
    #expect(try ToolDetection.detect(bursar) == .bursar)
  }

  @Test func locustUnitsAndLocations() throws {
    let figures = try ImportTool.locust.figures(from: try ToolFixtures.output("locust_stats.csv"))
    let p95 = try #require(
      figures.first { $0.name == "/score" && $0.statistic == "95%" && $0.labels["Type"] == "POST" })
    guard case .number(let value, let unit) = p95.value else {
      Issue.record("95% is a number")
      return
    }
    #expect(unit?.symbol == "ms")
    #expect(value == 160)
    #expect(p95.location.line == 4)
    #expect(p95.location.column > 1)
    let rate = try #require(figures.first { $0.name == "/score" && $0.statistic == "Requests/s" })
    if case .number(_, let unit) = rate.value { #expect(unit?.symbol == "/s") }
    let aggregated = figures.filter { $0.name == "Aggregated" }
    #expect(!aggregated.isEmpty && aggregated.allSatisfy { $0.labels.isEmpty })
  }

  @Test func locustReadsColumnsByNameInAnyOrder() throws {
    let text = """
      Name,Type,95%,Request Count,Some New Column
      /a,GET,12,3,7
      """
    let figures = try ImportTool.locust.figures(
      from: ToolFixtures.output(text: text, path: "s.csv"))
    #expect(figures.count == 3)
    let extra = try #require(figures.first { $0.statistic == "Some New Column" })
    if case .number(7, let unit) = extra.value { #expect(unit == nil) } else { Issue.record("7") }
    let old =
      "\"Method\",\"Name\",\"# requests\",\"# failures\",\"Median response time\"\n\"GET\",\"/a\",5,1,20\n"
    let older = try ImportTool.locust.figures(from: ToolFixtures.output(text: old, path: "s.csv"))
    #expect(
      Set(older.map(\.statistic)) == ["Request Count", "Failure Count", "Median Response Time"])
    #expect(older.allSatisfy { $0.labels == ["Type": "GET"] })
  }

  /// Each bad input is refused with its place: (text, path, tool, expected place, words).
  static let badInputs: [(String, ImportTool, String, String)] = [
    ("Type,Name,Request Count,95%\nGET,/a,3\n", .locust, "s.csv:2:", "fields"),
    ("Type,Name,Request Count,95%\nGET,/a,3,fast\n", .locust, "s.csv:2:", "`fast`"),
    ("Type,Label,Count\nGET,/a,3\n", .locust, "s.csv:1:1", "not a Locust"),
    ("", .locust, "s.csv:1:1", "empty"),
    (
      #"{"benchmarks": [{"name": "t", "stats": {"mean": NaN}}]}"#, .pytestBenchmark, "s.csv:1:",
      "unexpected"
    ),
    (
      #"{"benchmarks": [{"name": "t", "stats": {"mean": "slow"}}]}"#, .pytestBenchmark, "s.csv:1:",
      "$.benchmarks[0].stats.mean"
    ),
    (
      #"{"benchmarks": [{"name": "t", "stats": {"mean": 0.1}}"#, .pytestBenchmark, "s.csv:1:",
      "the end of the file"
    ),
    (
      #"{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"NaN"]}]}}"#,
      .prometheus, "s.csv:1:", "$.data.result[0].value[1] is `NaN`"
    ),
    (
      #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"1"],[2,"-Inf"]]}]}}"#,
      .prometheus, "s.csv:1:", "$.data.result[0].values[1][1] is `-Inf`"
    ),
    (
      #"{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"abc"]}]}}"#,
      .prometheus, "s.csv:1:", "`abc` is not a number"
    ),
    (
      #"{"status":"error","errorType":"bad_data","error":"parse error"}"#, .prometheus, "s.csv:1:",
      "bad_data: parse error"
    ),
    (
      #"{"status":"success","data":{"resultType":"string","result":[1,"x"]}}"#, .prometheus,
      "s.csv:1:", "`x` is not a number"
    ),
    (
      #"{"status":"success","data":{"resultType":"string","result":[1,"7"]}}"#, .prometheus,
      "s.csv:1:", "`string`"
    ),
    (
      #"{"run": {"data": {"metrics": [{"key": "a", "value": "NaN"}]}}}"#, .mlflow, "s.csv:1:",
      "$.run.data.metrics[0].value is `NaN`"
    ),
    (#"{"metrics": [{"key": "a", "value": 1}]}"#, .mlflow, "s.csv:1:", "`timestamp`"),
    (#"{"metrics": {"http_reqs": {"count": "many"}}}"#, .k6, "s.csv:1:", "$"),
    (#"{"root_group": {}}"#, .k6, "s.csv:1:", "no `metrics`"),
  ]

  @Test(arguments: badInputs.indices)
  func badInputIsRefusedWithItsPlace(_ index: Int) throws {
    let (text, tool, place, words) = Self.badInputs[index]
    switch Self.read(tool, ToolFixtures.output(text: text, path: "s.csv")) {
    case .success(let figures):
      // A k6 statistic written as text is no figure: nothing is read from it.
      #expect(tool == .k6 && words == "$" && figures.isEmpty, "\(text) was read")
    case .failure(let error):
      #expect(error.description.hasPrefix(place), "\(error)")
      #expect(error.description.contains(words), "\(error)")
    }
  }

  static func read(_ tool: ImportTool, _ output: ToolOutput) -> Result<
    [ToolFigure], MeasurementsError
  > {
    Result { () throws(MeasurementsError) in try tool.figures(from: output) }
  }

  @Test func realNaNAndInfinityResultsAreRefused() throws {
    for (file, text) in [
      ("prometheus_nan.json", "`NaN`"), ("prometheus_inf.json", "`+Inf`"),
      ("prometheus_matrix_inf.json", "values[0][1] is `+Inf`"),
    ] {
      #expect {
        try ImportTool.prometheus.figures(from: try ToolFixtures.output(file))
      } throws: { error in
        (error as? MeasurementsError)?.description.contains(text) == true
      }
    }
    #expect {
      try ImportTool.prometheus.figures(from: try ToolFixtures.output("prometheus_error.json"))
    } throws: { error in
      (error as? MeasurementsError)?.description.contains("bad_data") == true
    }
  }

  @Test func pytestBenchmarkKeepsRawSamplesInSeconds() throws {
    let figures = try ImportTool.pytestBenchmark.figures(
      from: try ToolFixtures.output("pytest-benchmark.json"))
    let data = try #require(figures.first { $0.name == "test_score" && $0.statistic == "data" })
    guard case .samples(let samples, let unit) = data.value else {
      Issue.record("data holds samples")
      return
    }
    #expect(unit?.symbol == "s")
    let rounds = try #require(figures.first { $0.name == "test_score" && $0.statistic == "rounds" })
    if case .number(let count, _) = rounds.value { #expect(Double(samples.count) == count) }
    #expect(figures.contains { $0.labels["group"] == "large" })
  }

  /// A range query's pairs read exactly as `Double` reads their text, whichever way a number is
  /// written, and series that share their instants, part from them midway, or stop short.
  @Test func prometheusPairsReadAsTheirText() throws {
    let times = ["1796000000", "1796000010.5", "1796000020.125", "1796000030"]
    let values = [
      ["0", "-0", "0.1", "12.5"], ["007", "-3.25", "1e-05", "123456789012345678901234"],
      ["0.30000000000000004", "9007199254740993", "999999999999999", "1234567890.123456"],
      ["2.5e-320", "1.7976931348623157e308", "100.000000000001", "-1.5E3"],
    ]
    let instants = [times, times, [times[0], "1796000011", "1796000021", "1796000031"], times]
    let lengths = [4, 4, 4, 2]
    let series = (0..<4).map { index in
      let pairs = (0..<lengths[index]).map { "[\(instants[index][$0]), \"\(values[index][$0])\"]" }
      return #"{"metric":{"i":"\#(index)"},"values":[\#(pairs.joined(separator: ", "))]}"#
    }
    let text =
      #"{"status":"success","data":{"resultType":"matrix","result":[\#(series.joined(separator: ","))]}}"#
    let figures = try ImportTool.prometheus.figures(from: ToolFixtures.output(text: text))
    #expect(figures.count == 4)
    for (index, figure) in figures.enumerated() {
      guard case .series(let read, _) = figure.value else {
        Issue.record("series \(index) is a series")
        continue
      }
      #expect(read.times == instants[index].prefix(lengths[index]).map { Double($0)! })
      #expect(read.values == values[index].prefix(lengths[index]).map { Double($0)! })
      #expect(
        read.values.map(\.sign) == values[index].prefix(lengths[index]).map { Double($0)!.sign })
    }
  }
}
