import BudgetKit

/// Reads the JSON of Prometheus's HTTP API: `/api/v1/query` (a `vector` of numbers, or a
/// `scalar`) and `/api/v1/query_range` (a `matrix` of series).
///
/// Values are strings in Prometheus's API; `NaN`, `+Inf` and `-Inf` are refused with their JSON
/// path, never read as a number. `status: error` is refused naming `errorType` and `error`. A
/// figure's name is its `__name__` label (empty for a computed expression), its labels the
/// others, its statistic `value`; Prometheus does not say a unit, so the mapping does.
public struct PrometheusImporter: Sendable {
  public init() {}

  public func figures(from output: ToolOutput) throws(MeasurementsError) -> [ToolFigure] {
    try figures(
      from: try ToolJSON(path: output.path).read(output.bytes, pairs: true), output: output)
  }

  func figures(from root: MeasurementNode, output: ToolOutput) throws(MeasurementsError)
    -> [ToolFigure]
  {
    let json = ToolJSON(path: output.path)
    let tool = "a Prometheus API response"
    let status = try json.text(
      try json.member(root, "status", at: .root, tool: tool), at: JSONPath.root.key("status"))
    guard status == "success" else {
      let type = root["errorType"].flatMap { try? json.text($0, at: .root) } ?? "unknown"
      let message = root["error"].flatMap { try? json.text($0, at: .root) } ?? "no message"
      throw MeasurementsError(
        root["status"]?.location ?? root.location,
        "the Prometheus query failed (`status: \(status)`): \(type): \(message)",
        hint: "fix the query, and save the response of a query that succeeds")
    }
    let dataPath = JSONPath.root.key("data")
    let data = try json.member(root, "data", at: .root, tool: tool)
    let type = try json.text(
      try json.member(data, "resultType", at: dataPath, tool: tool),
      at: dataPath.key("resultType"))
    let resultPath = dataPath.key("result")
    let result = try json.member(data, "result", at: dataPath, tool: tool)
    switch type {
    case "scalar":
      guard case .pairs(let pair) = result, pair.isSingle, pair.times.count == 1 else {
        throw MeasurementsError(
          result.location, "\(resultPath) of a scalar must be `[time, \"value\"]`")
      }
      try refuseNonFinite(pair, at: resultPath)
      return [
        figure(
          name: "", labels: [:], value: .number(pair.values[0], unit: nil),
          location: pair.location, output: output)
      ]
    case "vector", "matrix":
      var figures: [ToolFigure] = []
      // The series of one range query share their instants: each keeps the first copy.
      var sharedTimes: [Double] = []
      for (index, item) in try json.list(result, at: resultPath).enumerated() {
        let itemPath = resultPath.index(index)
        var labels: [String: String] = [:]
        if let metric = item["metric"] {
          for entry in try json.object(metric, at: itemPath.key("metric")) {
            labels[entry.key] = try json.text(
              entry.value, at: itemPath.key("metric").key(entry.key))
          }
        }
        let name = labels.removeValue(forKey: "__name__") ?? ""
        let key = type == "vector" ? "value" : "values"
        let valuePath = itemPath.key(key)
        let node = try json.member(item, key, at: itemPath, tool: tool)
        var pairs: SamplePairs
        switch node {
        case .pairs(let read) where read.isSingle == (type == "vector"): pairs = read
        case .list(let items, let location) where items.isEmpty && type == "matrix":
          pairs = SamplePairs(location: location, isSingle: false)
        default:
          throw MeasurementsError(
            node.location,
            type == "vector"
              ? "\(valuePath) must be `[time, \"value\"]`"
              : "\(valuePath) must be a list of `[time, \"value\"]` pairs")
        }
        try refuseNonFinite(pairs, at: valuePath)
        if pairs.times == sharedTimes {
          pairs.times = sharedTimes
        } else {
          sharedTimes = pairs.times
        }
        let value: ToolValue =
          type == "vector"
          ? .number(pairs.values[0], unit: nil)
          : .series(TimeSeries(times: pairs.times, values: pairs.values), unit: nil)
        figures.append(
          figure(name: name, labels: labels, value: value, location: pairs.location, output: output)
        )
      }
      return figures
    default:
      throw MeasurementsError(
        data["resultType"]?.location ?? data.location,
        "a Prometheus result of type `\(type)` holds no figures",
        hint:
          "bursar reads `vector`, `scalar` (from /api/v1/query) and `matrix` (from /api/v1/query_range)"
      )
    }
  }

  private func figure(
    name: String, labels: [String: String], value: ToolValue, location: SourceLocation,
    output: ToolOutput
  ) -> ToolFigure {
    var figure = ToolFigure(
      tool: .prometheus, name: name, labels: labels, statistic: "value", value: value,
      location: location)
    figure.result = output.name
    return figure
  }

  private func refuseNonFinite(_ pairs: SamplePairs, at path: JSONPath) throws(MeasurementsError) {
    guard let bad = pairs.firstNonFinite else { return }
    let place = pairs.isSingle ? path.index(1) : path.index(bad.index).index(1)
    throw MeasurementsError(
      bad.location, "\(place) is `\(bad.text)`, which is not a figure",
      hint:
        "bursar never reads NaN or an infinity as a number; fix the query (a division by zero?) or its range"
    )
  }
}
