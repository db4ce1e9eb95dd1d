import CGit2

/// Reading trees one level at a time, so two trees can be compared by descending only into
/// folders whose ids differ.
extension Repository {
  /// The entries of one tree, not descending into folders, in tree order.
  public func level(ofTree treeId: Oid) throws(GitError) -> [TreeLevelEntry] {
    try withTree(treeId) { tree in
      (0..<git_tree_entrycount(tree)).compactMap { index -> TreeLevelEntry? in
        // Entries are borrowed from the tree: copied here, never freed.
        guard let entry = git_tree_entry_byindex(tree, index) else { return nil }
        return TreeLevelEntry(
          name: String(cString: git_tree_entry_name(entry)), id: Oid(git_tree_entry_id(entry)),
          mode: UInt32(git_tree_entry_filemode_raw(entry).rawValue))
      }
    }
  }

  /// The entry at a path inside a tree (`.budgets`, `.budgets/models/a.yaml`), or nil when
  /// nothing is there.
  public func entry(inTree treeId: Oid, at path: String) throws(GitError) -> TreeLevelEntry? {
    let path = Self.normalized(path)
    guard !path.isEmpty else { return TreeLevelEntry(name: "", id: treeId, mode: 0o040000) }
    return try withTree(treeId) { tree throws(GitError) in
      var entry: OpaquePointer?
      // A missing path, or one that goes through a file, is an answer, not a failure.
      let code = git_tree_entry_bypath(&entry, tree, path)
      if code == GIT_ENOTFOUND.rawValue { return nil }
      try LibGit2.check(code, "git_tree_entry_bypath")
      defer { git_tree_entry_free(entry) }
      return TreeLevelEntry(
        name: String(cString: git_tree_entry_name(entry)), id: Oid(git_tree_entry_id(entry)),
        mode: UInt32(git_tree_entry_filemode_raw(entry).rawValue))
    }
  }

  /// The id of the folder at a path inside a tree, or nil when the path is absent or not a
  /// folder.
  public func treeId(inTree treeId: Oid, at path: String) throws(GitError) -> Oid? {
    guard let entry = try entry(inTree: treeId, at: path), entry.isTree else { return nil }
    return entry.id
  }
}
