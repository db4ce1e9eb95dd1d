/// A file found under `.budgets/`, wherever it was read from (a commit, the index, the work tree).
public struct BudgetSourceFile: Sendable {
  /// What the entry is.
  public enum Content: Sendable {
    /// A regular file's bytes.
    case bytes([UInt8])
    /// A symbolic link, which bursar never follows.
    case symlink
    /// A git submodule or another entry that is not a file.
    case other(String)
    /// A file larger than bursar reads, with its size in bytes; it was not read.
    case tooLarge(Int)
    /// A file that could not be read, with the reason.
    case unreadable(String)
  }

  /// The path relative to the repository root, such as `.budgets/models/a.yaml`.
  public var path: String
  public var content: Content

  public init(path: String, content: Content) {
    self.path = path
    self.content = content
  }

  /// Whether the name says YAML: `.yaml` or `.yml`.
  public var isYAML: Bool { Self.isYAMLName(path) }

  /// Whether a path names a budget file: it ends in `.yaml` or `.yml`.
  public static func isYAMLName(_ path: some StringProtocol) -> Bool {
    path.hasSuffix(".yaml") || path.hasSuffix(".yml")
  }
}

/// A file under `.budgets/` that bursar did not read, and why.
public struct IgnoredFile: Sendable, Hashable {
  public var path: String
  public var reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }
}
