/// The two reads a history walk repeats for every commit: a commit's links, and one name in a
/// tree.
///
/// `RawObjectReader` answers both from raw objects without building libgit2 objects; any
/// `ObjectReading` answers them too. The path lookup built on them is the one way tree entries
/// are looked up.
public protocol HistoryReading: AnyObject {
  /// The tree, parents and committer time of a commit.
  ///
  /// Throws `shallowHistoryMissing` for a commit beyond a shallow clone's cut.
  func links(of commit: Oid) throws(GitError) -> CommitLinks

  /// The entry with this name directly in a tree (no `/` in `name`), or nil when there is none.
  func entry(named name: String, inTree tree: Oid) throws(GitError) -> TreeLevelEntry?
}

extension HistoryReading {
  /// What a tree holds at a path such as `.budgets` or `.budgets/models/a.yaml`.
  ///
  /// Leading, trailing and doubled slashes and `.` components are ignored, so "" and "."
  /// name the tree itself. Each folder on the way is read once.
  public func lookup(_ path: String, inTree tree: Oid) throws(GitError) -> TreeLookup {
    let components = path.split(separator: "/").filter { $0 != "." }
    var found = TreeLevelEntry(name: "", id: tree, mode: TreeLevelEntry.folderMode)
    for (depth, component) in components.enumerated() {
      guard found.isTree else { return .notAFolder(components[..<depth].joined(separator: "/")) }
      guard let next = try entry(named: String(component), inTree: found.id) else {
        return .missing
      }
      found = next
    }
    return .found(found)
  }

  /// The id of the folder at a path inside a tree, or nil when the path is absent or not a
  /// folder.
  public func treeId(inTree tree: Oid, at path: String) throws(GitError) -> Oid? {
    try lookup(path, inTree: tree).treeId
  }
}

extension HistoryReading {
  /// The entry at a path inside a tree, folder or not; nil when the path is missing or goes
  /// through a file. A shorthand for `lookup(_:inTree:).entry`.
  public func entry(inTree tree: Oid, at path: String) throws(GitError) -> TreeLevelEntry? {
    try lookup(path, inTree: tree).entry
  }
}
