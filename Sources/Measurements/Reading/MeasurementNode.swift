import BudgetKit

/// A measurements document as read from JSON or YAML: text, numbers, mappings and lists, each
/// with its place.
///
/// A JSON list holding only numbers is kept as `.numbers`, a flat `[Double]`, so a million raw
/// samples cost eight bytes each rather than a node each.
indirect enum MeasurementNode: Sendable {
  case scalar(MeasurementScalar)
  case numbers([Double], SourceLocation)
  case mapping([MeasurementEntry], SourceLocation)
  case list([MeasurementNode], SourceLocation)
  /// `[time, "value"]` pairs, or one pair, read flat (`JSONReader.readsPairs`).
  case pairs(SamplePairs)

  var location: SourceLocation {
    switch self {
    case .scalar(let scalar): scalar.location
    case .numbers(_, let location), .mapping(_, let location), .list(_, let location): location
    case .pairs(let pairs): pairs.location
    }
  }

  /// A word for the kind of node, for messages such as "expected a mapping, found a list".
  var kindDescription: String {
    switch self {
    case .scalar(let scalar):
      scalar.isNull ? "nothing (null)" : scalar.isNumber ? "a number" : "a text value"
    case .numbers, .list, .pairs: "a list"
    case .mapping: "a mapping"
    }
  }

  subscript(key: String) -> MeasurementNode? {
    guard case .mapping(let entries, _) = self else { return nil }
    return entries.first { $0.key == key }?.value
  }
}

/// Prometheus-style `[time, "value"]` pairs, read flat: the times and the values.
struct SamplePairs: Sendable {
  var times: [Double] = []
  var values: [Double] = []
  var location: SourceLocation
  /// Whether the node was one pair (`[t, "v"]`) rather than a list of them.
  var isSingle: Bool
  /// The index, place and text of the first value that is `NaN` or infinite, if any.
  var firstNonFinite: (index: Int, location: SourceLocation, text: String)?

  init(location: SourceLocation, isSingle: Bool) {
    self.location = location
    self.isSingle = isSingle
  }
}

/// A scalar's text as written, and what kind of token it was.
struct MeasurementScalar: Sendable {
  var text: String
  /// Whether the scalar was a JSON number (never true for YAML, where every scalar is text).
  var isNumber: Bool
  /// Whether the scalar was quoted (a JSON string, or a quoted YAML scalar).
  var isQuoted: Bool
  /// Whether the scalar is null: JSON `null`, or YAML's empty, `~` or `null` unquoted.
  var isNull: Bool
  var location: SourceLocation
}

/// One key of a mapping with its value, in the order written.
struct MeasurementEntry: Sendable {
  var key: String
  var keyLocation: SourceLocation
  var value: MeasurementNode
}

extension MeasurementNode {
  /// The same tree built from strict YAML, whose scalars all stay text.
  init(_ value: YAMLValue) {
    switch value {
    case .scalar(let scalar):
      self = .scalar(
        MeasurementScalar(
          text: scalar.text, isNumber: false, isQuoted: scalar.isQuoted, isNull: scalar.isNull,
          location: scalar.location))
    case .mapping(let mapping):
      let entries = mapping.entries.map {
        MeasurementEntry(key: $0.key, keyLocation: $0.keyLocation, value: MeasurementNode($0.value))
      }
      self = .mapping(entries, mapping.location)
    case .sequence(let sequence):
      self = .list(sequence.items.map(MeasurementNode.init), sequence.location)
    }
  }
}
