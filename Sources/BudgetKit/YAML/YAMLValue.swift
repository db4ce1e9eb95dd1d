/// A YAML node as bursar reads it: only strings, mappings and sequences, each with its place.
///
/// Every scalar stays text; the decoders type it from the schema, so `no` never becomes a boolean
/// and `0o17` never becomes a number by accident.
public indirect enum YAMLValue: Sendable {
  case scalar(YAMLScalar)
  case mapping(YAMLMapping)
  case sequence(YAMLSequence)

  public var location: SourceLocation {
    switch self {
    case .scalar(let scalar): scalar.location
    case .mapping(let mapping): mapping.location
    case .sequence(let sequence): sequence.location
    }
  }

  /// A word for the kind of node, for messages such as "expected a mapping, found a list".
  public var kindDescription: String {
    switch self {
    case .scalar(let scalar): scalar.isNull ? "nothing (null)" : "a text value"
    case .mapping: "a mapping"
    case .sequence: "a list"
    }
  }
}

/// A scalar's text, whether it was quoted, and where it stands.
public struct YAMLScalar: Sendable {
  public var text: String
  /// Whether the scalar was written in quotes (or as a block), which makes `null`, `~` and
  /// empty values plain text.
  public var isQuoted: Bool
  public var location: SourceLocation

  public init(text: String, isQuoted: Bool, location: SourceLocation) {
    self.text = text
    self.isQuoted = isQuoted
    self.location = location
  }

  /// Whether the scalar is YAML's null: empty, `~` or `null`, unquoted.
  public var isNull: Bool {
    !isQuoted && (text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL")
  }
}

/// A mapping's entries in the order written; keys are plain strings with their place.
public struct YAMLMapping: Sendable {
  public struct Entry: Sendable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: YAMLValue
  }

  public var entries: [Entry]
  public var location: SourceLocation

  public init(entries: [Entry], location: SourceLocation) {
    self.entries = entries
    self.location = location
  }

  public subscript(key: String) -> YAMLValue? {
    entries.first { $0.key == key }?.value
  }
}

/// A sequence's items in order.
public struct YAMLSequence: Sendable {
  public var items: [YAMLValue]
  public var location: SourceLocation

  public init(items: [YAMLValue], location: SourceLocation) {
    self.items = items
    self.location = location
  }
}
