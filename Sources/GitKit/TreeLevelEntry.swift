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

extension TreeLevelEntry {
  /// The git file mode of a folder.
  public static let folderMode: UInt32 = 0o040000

  /// Compares two entries of one tree in git's tree order: by name bytes, a folder's name
  /// counting as if it ended in `/` (so file `a` and folder `a` differ), as
  /// `git_tree_entry_cmp` compares them. Negative, zero or positive, as `memcmp`.
  public static func order(_ a: TreeLevelEntry, _ b: TreeLevelEntry) -> Int {
    var left = Array(a.name.utf8)
    var right = Array(b.name.utf8)
    if a.isTree { left.append(UInt8(ascii: "/")) }
    if b.isTree { right.append(UInt8(ascii: "/")) }
    for (x, y) in zip(left, right) where x != y { return x < y ? -1 : 1 }
    return left.count < right.count ? -1 : left.count > right.count ? 1 : 0
  }
}
