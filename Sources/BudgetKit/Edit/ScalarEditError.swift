/// Why a value could not be replaced in place, with where it stands.
public enum ScalarEditError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file does not read as strict YAML.
  case unreadable(path: String, first: String)
  /// No scalar at that path of keys.
  case notFound(path: String, keys: [String])
  /// The value is written in a way that cannot be edited by its characters alone (a block
  /// scalar, or a plain scalar across lines).
  case notEditable(SourceLocation, reason: String)
  /// After the edit the file would not mean the same apart from that value.
  case meaningChanged(SourceLocation)

  public var description: String {
    switch self {
    case .unreadable(let path, let first): "\(path) does not read as YAML: \(first)"
    case .notFound(let path, let keys):
      "\(path) has no value at `\(keys.joined(separator: "."))`"
    case .notEditable(let location, let reason): "\(location): cannot edit in place: \(reason)"
    case .meaningChanged(let location):
      "\(location): editing the value in place would change more than the value"
    }
  }
}
