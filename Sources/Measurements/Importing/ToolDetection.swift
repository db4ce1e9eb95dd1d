import BudgetKit

/// What wrote an output: bursar's own measurements format, or one of the tools it imports.
public enum OutputOrigin: Sendable, Equatable {
  case bursar
  case tool(ImportTool)
}

/// Tells which tool wrote an output by its content, only when exactly one could have: a Locust
/// CSV header, or a JSON document whose top-level keys only one tool writes. It never guesses
/// between two; then `--from` must say.
public enum ToolDetection {
  /// The origin, or an error saying why the content does not tell.
  public static func detect(_ output: ToolOutput) throws(MeasurementsError) -> OutputOrigin {
    let start = output.bytes.prefix(65_536).drop {
      $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09
    }
    if start.first == UInt8(ascii: "{") {
      return try detectJSON(try ToolJSON(path: output.path).read(output.bytes, pairs: true), output)
    }
    let firstLine = String(decoding: start.prefix { $0 != 0x0A && $0 != 0x0D }, as: UTF8.self)
    let header = firstLine.split(separator: ",", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: [" ", "\""])
    }
    if header.count > 1 {
      if LocustImporter.layout(ofHeader: header) != nil { return .tool(.locust) }
      if header.contains("budget") { return .bursar }
    }
    let lowered = output.path.lowercased()
    if lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") || firstLine.hasPrefix("version:") {
      return .bursar
    }
    throw MeasurementsError(
      .start(of: output.path), "cannot tell which tool wrote this file")
  }

  /// The origin a parsed JSON document's top-level keys say.
  static func detectJSON(_ root: MeasurementNode, _ output: ToolOutput) throws(MeasurementsError)
    -> OutputOrigin
  {
    var candidates: [OutputOrigin] = []
    if case .scalar(let kind)? = root["kind"], kind.text == "Measurements" {
      candidates.append(.bursar)
    }
    if case .list? = root["benchmarks"] { candidates.append(.tool(.pytestBenchmark)) }
    if case .numbers? = root["benchmarks"] { candidates.append(.tool(.pytestBenchmark)) }
    if root["status"] != nil, root["data"] != nil || root["errorType"] != nil {
      candidates.append(.tool(.prometheus))
    }
    if case .mapping? = root["run"] { candidates.append(.tool(.mlflow)) }
    if case .list? = root["metrics"], root["root_group"] == nil {
      candidates.append(.tool(.mlflow))
    }
    if case .mapping? = root["metrics"], root["root_group"] != nil {
      candidates.append(.tool(.k6))
    }
    guard candidates.count == 1 else {
      let named = candidates.map(\.name).joined(separator: " or ")
      throw MeasurementsError(
        root.location,
        candidates.isEmpty
          ? "cannot tell which tool wrote this JSON: its top-level keys are none a known tool writes"
          : "cannot tell which tool wrote this JSON: it could be \(named)")
    }
    return candidates[0]
  }
}

extension OutputOrigin {
  /// The name `--from` takes.
  public var name: String {
    switch self {
    case .bursar: "bursar"
    case .tool(let tool): tool.rawValue
    }
  }

  public init?(name: String) {
    if name == "bursar" {
      self = .bursar
    } else if let tool = ImportTool(rawValue: name) {
      self = .tool(tool)
    } else {
      return nil
    }
  }
}

extension ImportTool {
  /// The figures of one output of this tool.
  public func figures(from output: ToolOutput) throws(MeasurementsError) -> [ToolFigure] {
    switch self {
    case .locust: return try LocustImporter().figures(from: output)
    case .pytestBenchmark: return try PytestBenchmarkImporter().figures(from: output)
    case .prometheus: return try PrometheusImporter().figures(from: output)
    case .mlflow: return try MLflowImporter().figures(from: output)
    case .k6: return try K6Importer().figures(from: output)
    }
  }

  /// The same tool as an import mapping names it.
  public var mappingTool: ImportMappingTool {
    switch self {
    case .locust: .locust
    case .pytestBenchmark: .pytestBenchmark
    case .prometheus: .prometheus
    case .mlflow: .mlflow
    case .k6: .k6
    }
  }

  /// The format of the tool's outputs bursar reads, as a recorded run's source names it:
  /// Locust's CSV files, the others' JSON.
  public var outputFormat: String {
    switch self {
    case .locust: "csv"
    case .pytestBenchmark, .prometheus, .mlflow, .k6: "json"
    }
  }
}
