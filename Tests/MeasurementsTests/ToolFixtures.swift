import BudgetKit
import Foundation
import Measurements
import TestSupport
import Testing

/// The tool outputs under `Tests/Fixtures/tools/`, and the oracle that reads them with Python.
enum ToolFixtures {
  static let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  static let folder = packageRoot + "/Tests/Fixtures/tools"

  static func output(_ name: String, as result: String? = nil) throws -> ToolOutput {
    let path = folder + "/" + name
    return ToolOutput(
      path: name, name: result, bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
  }

  static func output(text: String, path: String = "out.json", as result: String? = nil)
    -> ToolOutput
  {
    ToolOutput(path: path, name: result, bytes: Array(text.utf8))
  }

  /// A figure reduced to what can be compared with the oracle's: a key and its numbers.
  struct Plain: Hashable, CustomStringConvertible {
    var key: String
    var kind: String
    var values: [Double]
    var times: [Double]

    var description: String { "\(key) \(kind) \(values.prefix(4)) \(times.prefix(2))" }
  }

  static func key(name: String, labels: [String: String], statistic: String) -> String {
    let labelText = labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
      separator: ",")
    return "\(name) {\(labelText)} \(statistic)"
  }

  static func plain(_ figures: [ToolFigure]) -> [Plain] {
    figures.map { figure in
      let key = key(name: figure.name, labels: figure.labels, statistic: figure.statistic)
      switch figure.value {
      case .number(let value, _): return Plain(key: key, kind: "number", values: [value], times: [])
      case .samples(let values, _):
        return Plain(key: key, kind: "samples", values: values, times: [])
      case .series(let series, _):
        return Plain(key: key, kind: "series", values: series.values, times: series.times)
      }
    }.sorted { $0.key < $1.key }
  }

  /// Numbers the oracle wrote as text (Foundation's JSON parser does not round every double
  /// correctly; `Double(String)` does).
  static func numbers(_ value: Any?) throws -> [Double] {
    try (try #require(value as? [String])).map { try #require(Double($0)) }
  }

  /// What Python's csv and json modules read from the same file (`oracle.py`).
  static func oracle(_ tool: String, _ name: String) throws -> [Plain] {
    let result = try runSucceeding(
      "python3", [folder + "/oracle.py", tool, folder + "/" + name], cwd: folder)
    let items = try #require(
      try JSONSerialization.jsonObject(with: result.stdout) as? [[String: Any]])
    return try items.map { item in
      let labels = try #require(item["labels"] as? [String: String])
      return Plain(
        key: key(
          name: try #require(item["name"] as? String), labels: labels,
          statistic: try #require(item["statistic"] as? String)),
        kind: try #require(item["kind"] as? String),
        values: try numbers(item["values"]), times: try numbers(item["times"]))
    }.sorted { $0.key < $1.key }
  }
}
