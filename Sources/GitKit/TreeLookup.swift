/// What a tree holds at a path: the entry there, nothing, or a file where the path needs a
/// folder.
public enum TreeLookup: Hashable, Sendable {
  /// The entry at the path: a file, link, submodule or folder. An empty path finds the tree
  /// itself, as a folder named "".
  case found(TreeLevelEntry)
  /// Nothing has the path's name in the folder it names.
  case missing
  /// The path goes through something that is not a folder; the associated path is that
  /// entry's (`a` when `a/b` is looked up and `a` is a file).
  case notAFolder(String)

  /// The entry when one was found.
  public var entry: TreeLevelEntry? {
    guard case .found(let entry) = self else { return nil }
    return entry
  }

  /// The entry when one was found and it is a file, link or submodule.
  public var fileEntry: TreeLevelEntry? {
    guard case .found(let entry) = self, !entry.isTree else { return nil }
    return entry
  }

  /// The folder's id when the path names a folder.
  public var treeId: Oid? {
    guard case .found(let entry) = self, entry.isTree else { return nil }
    return entry.id
  }
}
