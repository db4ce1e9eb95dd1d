import BudgetKit

/// One output file of a tool, as handed to `bursar check`: its bytes, the path it was named by,
/// and for query results the name it was given (`-m good=good.json`).
public struct ToolOutput: Sendable {
  public var path: String
  /// The name before `=` in `-m NAME=path`, when given.
  public var name: String?
  public var bytes: [UInt8]

  public init(path: String, name: String? = nil, bytes: [UInt8]) {
    self.path = path
    self.name = name
    self.bytes = bytes
  }
}
