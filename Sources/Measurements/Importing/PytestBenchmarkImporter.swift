import BudgetKit

/// Reads pytest-benchmark's `--benchmark-json` output: per benchmark, each number of `stats`
/// (times in seconds, `ops` per second, counts plain) and the raw `data` samples when the run
/// saved them (`--benchmark-save-data`).
///
/// A figure's name is the benchmark's `name` (`test_score`, `test_score[large]`); its labels are
/// `fullname` and `group` (when set).
public struct PytestBenchmarkImporter: Sendable {
  public init() {}

  /// The unit pytest-benchmark writes a statistic in; nil for one bursar does not know.
  static func unit(of statistic: String) -> QuantityUnit? {
    switch statistic {
    case "min", "max", "mean", "stddev", "median", "iqr", "q1", "q3", "ld15iqr", "hd15iqr",
      "total", "data":
      return QuantityUnit.named("s")
    case "ops": return QuantityUnit.named("/s")
    case "rounds", "iterations", "iqr_outliers", "stddev_outliers": return .plain
    default: return nil
    }
  }

  public func figures(from output: ToolOutput) throws(MeasurementsError) -> [ToolFigure] {
    let json = ToolJSON(path: output.path)
    let root = try json.read(output.bytes)
    let tool = "pytest-benchmark's --benchmark-json"
    let benchmarksPath = JSONPath.root.key("benchmarks")
    let benchmarks = try json.list(
      try json.member(root, "benchmarks", at: .root, tool: tool), at: benchmarksPath)
    var figures: [ToolFigure] = []
    for (index, benchmark) in benchmarks.enumerated() {
      let path = benchmarksPath.index(index)
      let name = try json.text(
        try json.member(benchmark, "name", at: path, tool: tool), at: path.key("name"))
      var labels: [String: String] = [:]
      if case .scalar(let full)? = benchmark["fullname"], !full.isNull {
        labels["fullname"] = full.text
      }
      if case .scalar(let group)? = benchmark["group"], !group.isNull {
        labels["group"] = group.text
      }
      let statsPath = path.key("stats")
      let stats = try json.member(benchmark, "stats", at: path, tool: tool)
      for entry in try json.object(stats, at: statsPath) {
        let at = statsPath.key(entry.key)
        switch entry.value {
        case .numbers(let values, let location):
          guard let bad = values.firstIndex(where: { !$0.isFinite }) else {
            figures.append(
              ToolFigure(
                tool: .pytestBenchmark, name: name, labels: labels, statistic: entry.key,
                value: .samples(values, unit: Self.unit(of: entry.key)), location: location))
            continue
          }
          throw MeasurementsError(location, "\(at.index(bad)) is not a finite number")
        case .list(let items, let location) where items.isEmpty:
          figures.append(
            ToolFigure(
              tool: .pytestBenchmark, name: name, labels: labels, statistic: entry.key,
              value: .samples([], unit: Self.unit(of: entry.key)), location: location))
        case .scalar(let scalar) where scalar.isNumber:
          let value = try json.number(entry.value, at: at)
          figures.append(
            ToolFigure(
              tool: .pytestBenchmark, name: name, labels: labels, statistic: entry.key,
              value: .number(value, unit: Self.unit(of: entry.key)), location: scalar.location))
        case .scalar(let scalar) where Self.unit(of: entry.key) != nil && !scalar.isNull:
          throw MeasurementsError(
            scalar.location, "\(at) is `\(scalar.text)`, which is not a number")
        default:
          // `outliers` ("1;0") and other text: not a figure.
          continue
        }
      }
    }
    return figures
  }
}
