import Foundation
import Testing

/// One JSON Schema under `schemas/`, parsed with Foundation, with the look-ups the sync tests
/// need.
struct SchemaDocument {
  /// The package root, found from this file's place.
  static let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  /// The schema files by the kind they describe, lowercased.
  static let names = ["owners", "budget", "exception", "approval", "import"]

  let name: String
  let root: [String: Any]

  init(_ name: String) throws {
    self.name = name
    let path = Self.packageRoot + "/schemas/\(name).schema.json"
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    root = try #require(
      JSONSerialization.jsonObject(with: data) as? [String: Any], "\(path) is not a JSON object")
  }

  /// The subschema at a path of keys such as `["$defs", "metric"]`, with a `$ref` at the end
  /// followed (local references only: the schemas are self-contained).
  func schema(at path: [String]) -> [String: Any]? {
    var node: Any = root
    for key in path {
      guard let object = node as? [String: Any], let next = object[key] else { return nil }
      node = next
    }
    return (node as? [String: Any]).map(resolved)
  }

  /// A subschema with its `$ref` replaced by the referenced definition's keywords, its own
  /// keywords (a description, say) taking precedence as in draft 2020-12.
  func resolved(_ schema: [String: Any]) -> [String: Any] {
    guard let reference = schema["$ref"] as? String, reference.hasPrefix("#/") else {
      return schema
    }
    let path = reference.dropFirst(2).split(separator: "/").map(String.init)
    guard let target = self.schema(at: path) else { return schema }
    return target.merging(schema.filter { $0.key != "$ref" }) { _, own in own }
  }

  /// The property names an object schema allows.
  func propertyNames(at path: [String]) -> Set<String>? {
    (schema(at: path)?["properties"] as? [String: Any]).map { Set($0.keys) }
  }

  /// Every `pattern` in the file, with where it stands.
  var patterns: [(path: String, pattern: String)] {
    var found: [(String, String)] = []
    func walk(_ node: Any, _ path: String) {
      if let object = node as? [String: Any] {
        if let pattern = object["pattern"] as? String { found.append((path, pattern)) }
        for (key, value) in object { walk(value, path + "/" + key) }
      } else if let array = node as? [Any] {
        for (index, value) in array.enumerated() { walk(value, path + "/\(index)") }
      }
    }
    walk(root, "")
    return found
  }

  /// The paths of every object schema that closes its keys with `additionalProperties: false`.
  var closedObjects: Set<String> {
    var found: Set<String> = []
    func walk(_ node: Any, _ path: [String]) {
      if let object = node as? [String: Any] {
        if object["additionalProperties"] as? Bool == false {
          found.insert(path.joined(separator: "/"))
        }
        for (key, value) in object { walk(value, path + [key]) }
      } else if let array = node as? [Any] {
        for (index, value) in array.enumerated() { walk(value, path + ["\(index)"]) }
      }
    }
    walk(root, [])
    return found
  }

  /// The unit symbols of a quantity pattern: the alternatives of the group after the optional
  /// space, such as `ns|us|…|[A-Z]{3}` in `…( ?(ns|us|…|[A-Z]{3}))?$`.
  static func unitSymbols(in pattern: String) -> [String]? {
    guard let open = pattern.range(of: " ?(", options: .backwards) else { return nil }
    let rest = pattern[open.upperBound...]
    guard let close = rest.firstIndex(of: ")") else { return nil }
    return rest[..<close].split(separator: "|").map(String.init)
  }

  /// Whether a whole text matches a schema pattern (ECMA-262 and ICU agree on the constructs
  /// the schemas use; JSON Schema patterns are not anchored, so the anchors are the pattern's).
  static func matches(_ pattern: String, _ text: String) throws -> Bool {
    let regex = try NSRegularExpression(pattern: pattern)
    return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
  }
}
