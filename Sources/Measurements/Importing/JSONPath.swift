import BudgetKit

/// A place inside a JSON document as a JSONPath (`$.data.result[3].value[1]`), for messages
/// about values whose text location alone does not say which figure they are.
struct JSONPath: Sendable, CustomStringConvertible {
  private var parts: [String] = []

  static let root = JSONPath()

  func key(_ key: String) -> JSONPath {
    var path = self
    let plain =
      !key.isEmpty
      && key.unicodeScalars.allSatisfy {
        ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9")
          || $0 == "_"
      }
    path.parts.append(
      plain ? "." + key : "[\"" + key.replacingOccurrences(of: "\"", with: "\\\"") + "\"]")
    return path
  }

  func index(_ index: Int) -> JSONPath {
    var path = self
    path.parts.append("[\(index)]")
    return path
  }

  var description: String { "$" + parts.joined() }
}

/// Typed reads of a tool's JSON output, each refusing what is not there with its place and its
/// JSON path.
struct ToolJSON {
  let path: String

  func read(_ bytes: [UInt8], pairs: Bool = false) throws(MeasurementsError) -> MeasurementNode {
    var reader = JSONReader(path: path)
    reader.readsPairs = pairs
    return try reader.read(bytes).get()
  }

  func object(_ node: MeasurementNode, at path: JSONPath) throws(MeasurementsError)
    -> [MeasurementEntry]
  {
    guard case .mapping(let entries, _) = node else {
      throw MeasurementsError(
        node.location, "\(path) must be an object, found \(node.kindDescription)")
    }
    return entries
  }

  func member(_ node: MeasurementNode, _ key: String, at path: JSONPath, tool: String)
    throws(MeasurementsError) -> MeasurementNode
  {
    _ = try object(node, at: path)
    guard let value = node[key] else {
      throw MeasurementsError(
        node.location, "\(path) has no `\(key)`: this is not \(tool) output, or it is cut short")
    }
    return value
  }

  func list(_ node: MeasurementNode, at path: JSONPath) throws(MeasurementsError)
    -> [MeasurementNode]
  {
    switch node {
    case .list(let items, _): return items
    case .numbers(let values, let location):
      return values.map {
        .scalar(
          MeasurementScalar(
            text: String($0), isNumber: true, isQuoted: false, isNull: false, location: location))
      }
    default:
      throw MeasurementsError(
        node.location, "\(path) must be a list, found \(node.kindDescription)")
    }
  }

  func text(_ node: MeasurementNode, at path: JSONPath) throws(MeasurementsError) -> String {
    guard case .scalar(let scalar) = node, !scalar.isNull else {
      throw MeasurementsError(node.location, "\(path) must be text, found \(node.kindDescription)")
    }
    return scalar.text
  }

  /// A JSON number, finite; `NaN` and infinities (which strict JSON cannot hold) never pass.
  func number(_ node: MeasurementNode, at path: JSONPath) throws(MeasurementsError) -> Double {
    guard case .scalar(let scalar) = node, scalar.isNumber, let value = Double(scalar.text),
      value.isFinite
    else {
      throw MeasurementsError(
        node.location, "\(path) must be a finite number, found \(node.kindDescription)")
    }
    return value
  }

  /// A number written as text (`"0.5"`), as Prometheus and MLflow's REST API may write them;
  /// `NaN`, `+Inf` and `-Inf` are refused.
  func quotedNumber(_ node: MeasurementNode, at path: JSONPath) throws(MeasurementsError)
    -> Double
  {
    guard case .scalar(let scalar) = node, !scalar.isNull else {
      throw MeasurementsError(
        node.location, "\(path) must be a number in quotes, found \(node.kindDescription)")
    }
    guard let value = Double(scalar.text), value.isFinite,
      scalar.text.lowercased() != "nan", !scalar.text.lowercased().contains("inf")
    else {
      throw MeasurementsError(
        node.location, "\(path) is `\(scalar.text)`, which is not a finite number",
        hint: "bursar never reads NaN or an infinity as a figure")
    }
    return value
  }
}
