import BudgetKit

/// Reads MLflow's REST responses: `GET /api/2.0/mlflow/runs/get` (each metric's latest value,
/// statistic `latest`, labelled with the run's `run_id`, `experiment_id` and `run_name`) and
/// `GET /api/2.0/mlflow/metrics/get-history` (each metric's history, statistic `history`, a
/// series with MLflow's millisecond timestamps as instants, labelled with `run_id` when the
/// points carry it). MLflow does not say units.
public struct MLflowImporter: Sendable {
  public init() {}

  public func figures(from output: ToolOutput) throws(MeasurementsError) -> [ToolFigure] {
    try figures(from: try ToolJSON(path: output.path).read(output.bytes), output: output)
  }

  func figures(from root: MeasurementNode, output: ToolOutput) throws(MeasurementsError)
    -> [ToolFigure]
  {
    let json = ToolJSON(path: output.path)
    let tool = "an MLflow runs/get or metrics/get-history response"
    _ = try json.object(root, at: .root)
    if let run = root["run"] {
      let runPath = JSONPath.root.key("run")
      var labels: [String: String] = [:]
      if let info = root["run"]?["info"] {
        for key in ["run_id", "experiment_id", "run_name"] {
          if let value = info[key] {
            labels[key] = try json.text(value, at: runPath.key("info").key(key))
          }
        }
      }
      let dataPath = runPath.key("data")
      let data = try json.member(run, "data", at: runPath, tool: tool)
      guard let metrics = data["metrics"] else { return [] }
      var figures: [ToolFigure] = []
      for (index, item) in try json.list(metrics, at: dataPath.key("metrics")).enumerated() {
        let path = dataPath.key("metrics").index(index)
        let (key, value) = try metric(item, at: path, json: json, tool: tool)
        figures.append(
          ToolFigure(
            tool: .mlflow, name: key, labels: labels, statistic: "latest",
            value: .number(value, unit: nil), location: item.location))
      }
      return figures
    }
    guard let metrics = root["metrics"] else {
      if case .mapping(let entries, _) = root, entries.isEmpty { return [] }
      throw MeasurementsError(
        root.location, "$ has neither `run` nor `metrics`: this is not \(tool)")
    }
    var order: [String] = []
    var points:
      [String: (times: [Double], values: [Double], location: SourceLocation, run: String?)] = [:]
    for (index, item) in try json.list(metrics, at: JSONPath.root.key("metrics")).enumerated() {
      let path = JSONPath.root.key("metrics").index(index)
      let (key, value) = try metric(item, at: path, json: json, tool: tool)
      let stamp = try timestamp(item, at: path, json: json, tool: tool)
      if points[key] == nil {
        order.append(key)
        let run = item["run_id"].flatMap { try? json.text($0, at: path.key("run_id")) }
        points[key] = ([], [], item.location, run)
      }
      points[key]!.times.append(stamp / 1000)
      points[key]!.values.append(value)
    }
    return order.map { key in
      let series = points[key]!
      return ToolFigure(
        tool: .mlflow, name: key, labels: series.run.map { ["run_id": $0] } ?? [:],
        statistic: "history",
        value: .series(TimeSeries(times: series.times, values: series.values), unit: nil),
        location: series.location)
    }
  }

  private func metric(_ item: MeasurementNode, at path: JSONPath, json: ToolJSON, tool: String)
    throws(MeasurementsError) -> (String, Double)
  {
    let key = try json.text(try json.member(item, "key", at: path, tool: tool), at: path.key("key"))
    let node = try json.member(item, "value", at: path, tool: tool)
    // MLflow's protobuf JSON writes NaN and infinities as strings.
    if case .scalar(let scalar) = node, !scalar.isNumber {
      return (key, try json.quotedNumber(node, at: path.key("value")))
    }
    return (key, try json.number(node, at: path.key("value")))
  }

  private func timestamp(_ item: MeasurementNode, at path: JSONPath, json: ToolJSON, tool: String)
    throws(MeasurementsError) -> Double
  {
    let node = try json.member(item, "timestamp", at: path, tool: tool)
    if case .scalar(let scalar) = node, !scalar.isNumber {
      return try json.quotedNumber(node, at: path.key("timestamp"))
    }
    return try json.number(node, at: path.key("timestamp"))
  }
}
