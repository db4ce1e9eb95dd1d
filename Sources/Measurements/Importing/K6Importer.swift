import BudgetKit

/// Reads k6's `--summary-export` JSON: each metric under `metrics` with its statistics (a trend's
/// `avg`, `min`, `med`, `max`, `p(90)`, `p(95)`; a counter's `count` and `rate`; a rate's
/// `value`, `passes` and `fails`; a gauge's `value`, `min`, `max`). A sub-metric written
/// `http_req_duration{expected_response:true}` is the metric `http_req_duration` with the label
/// `expected_response: true`.
///
/// k6 writes its built-in time trends (`http_req_duration`, `iteration_duration`, …) in
/// milliseconds; other trends and gauges carry no unit, for the mapping to give one.
public struct K6Importer: Sendable {
  public init() {}

  static let timeTrends: Set<String> = [
    "http_req_duration", "http_req_blocked", "http_req_connecting", "http_req_tls_handshaking",
    "http_req_sending", "http_req_waiting", "http_req_receiving", "iteration_duration",
    "group_duration", "ws_connecting", "ws_session_duration", "ws_ping", "grpc_req_duration",
    "browser_http_req_duration",
  ]

  static func unit(metric: String, statistic: String) -> QuantityUnit? {
    if timeTrends.contains(metric), !["count", "rate", "passes", "fails"].contains(statistic) {
      return QuantityUnit.named("ms")
    }
    switch statistic {
    case "count":
      return metric == "data_received" || metric == "data_sent" ? QuantityUnit.named("B") : .plain
    case "rate": return metric.hasPrefix("data_") ? nil : QuantityUnit.named("/s")
    case "passes", "fails": return .plain
    default: return metric == "vus" || metric == "vus_max" ? .plain : nil
    }
  }

  public func figures(from output: ToolOutput) throws(MeasurementsError) -> [ToolFigure] {
    try figures(from: try ToolJSON(path: output.path).read(output.bytes), output: output)
  }

  func figures(from root: MeasurementNode, output: ToolOutput) throws(MeasurementsError)
    -> [ToolFigure]
  {
    let json = ToolJSON(path: output.path)
    let metricsPath = JSONPath.root.key("metrics")
    let metrics = try json.member(root, "metrics", at: .root, tool: "k6's --summary-export JSON")
    var figures: [ToolFigure] = []
    for entry in try json.object(metrics, at: metricsPath) {
      let (name, labels) = Self.split(entry.key)
      let path = metricsPath.key(entry.key)
      for statistic in try json.object(entry.value, at: path) {
        guard case .scalar(let scalar) = statistic.value, scalar.isNumber else { continue }
        let value = try json.number(statistic.value, at: path.key(statistic.key))
        figures.append(
          ToolFigure(
            tool: .k6, name: name, labels: labels, statistic: statistic.key,
            value: .number(value, unit: Self.unit(metric: name, statistic: statistic.key)),
            location: scalar.location))
      }
    }
    return figures
  }

  /// `name{tag:value,tag2:value2}` into the name and its tags.
  static func split(_ key: String) -> (String, [String: String]) {
    guard key.hasSuffix("}"), let open = key.firstIndex(of: "{") else { return (key, [:]) }
    let name = String(key[..<open])
    var labels: [String: String] = [:]
    for part in key[key.index(after: open)..<key.index(before: key.endIndex)].split(separator: ",")
    {
      guard let colon = part.firstIndex(of: ":") else { continue }
      labels[String(part[..<colon])] = String(part[part.index(after: colon)...])
    }
    return (name, labels)
  }
}
