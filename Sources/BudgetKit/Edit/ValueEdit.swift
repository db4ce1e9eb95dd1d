/// One value of a budget file to replace in place: the file, the mapping keys down to the
/// scalar (`["metrics", "latency_p95", "max"]`), and the new text.
public struct ValueEdit: Sendable, Hashable {
  /// The file, relative to the repository root (`.budgets/models/fraud.yaml`).
  public var path: String
  public var keys: [String]
  public var text: String

  public init(path: String, keys: [String], text: String) {
    self.path = path
    self.keys = keys
    self.text = text
  }
}
