/// One entry of a single level of a tree: a file, a link, a submodule or a folder.
public struct TreeLevelEntry: Hashable, Sendable {
  /// The entry's name within its folder.
  public let name: String
  /// The blob, tree or (for a submodule) commit id.
  public let id: Oid
  /// The raw git file mode, such as 0o100644 or 0o040000.
  public let mode: UInt32

  /// Creates an entry from its parts.
  public init(name: String, id: Oid, mode: UInt32) {
    self.name = name
    self.id = id
    self.mode = mode
  }

  /// Whether the entry is a folder.
  public var isTree: Bool { TreeEntry.isTree(mode: mode) }

  /// The entry as a file listing names it, at `path` relative to the listed folder.
  public func file(at path: String) -> TreeEntry {
    TreeEntry(path: path, id: id, mode: mode)
  }
}
