import CGit2

/// Reading trees one level at a time, so two trees can be compared by descending only into
/// folders whose ids differ.
extension Repository {
  /// The entries of one tree, not descending into folders, in tree order.
  public func level(ofTree treeId: Oid) throws(GitError) -> [TreeLevelEntry] {
    try withTree(treeId) { tree in
      (0..<git_tree_entrycount(tree)).compactMap { index -> TreeLevelEntry? in
        // Entries are borrowed from the tree: copied here, never freed.
        git_tree_entry_byindex(tree, index).map(Self.copy)
      }
    }
  }

  /// The names whose entries differ between two trees at one level, in tree order.
  ///
  /// Both trees are read once and walked side by side in their sorted order, and only the
  /// entries that differ are copied, so comparing two large folders that differ in one file
  /// costs little more than reading them. A nil tree is an empty one.
  public func levelChanges(from old: Oid?, to new: Oid?) throws(GitError) -> [TreeLevelChange] {
    guard old != new else { return [] }
    return try withOptionalTree(old) { before throws(GitError) in
      try withOptionalTree(new) { after in Self.mergeWalk(before, after) }
    }
  }

  /// Walks two borrowed trees' entries in order and copies the ones that differ.
  private static func mergeWalk(_ old: OpaquePointer?, _ new: OpaquePointer?) -> [TreeLevelChange] {
    let oldCount = old.map { git_tree_entrycount($0) } ?? 0
    let newCount = new.map { git_tree_entrycount($0) } ?? 0
    var changes: [TreeLevelChange] = []
    var (i, j) = (0, 0)
    while i < oldCount || j < newCount {
      // Entries are borrowed from their trees: copied only when they differ, never freed.
      let before = i < oldCount ? git_tree_entry_byindex(old, i) : nil
      let after = j < newCount ? git_tree_entry_byindex(new, j) : nil
      guard let before else {
        changes.append(TreeLevelChange(name: name(of: after!), old: nil, new: copy(after!)))
        j += 1
        continue
      }
      guard let after else {
        changes.append(TreeLevelChange(name: name(of: before), old: copy(before), new: nil))
        i += 1
        continue
      }
      let order = git_tree_entry_cmp(before, after)
      if order < 0 {
        changes.append(TreeLevelChange(name: name(of: before), old: copy(before), new: nil))
        i += 1
      } else if order > 0 {
        changes.append(TreeLevelChange(name: name(of: after), old: nil, new: copy(after)))
        j += 1
      } else {
        if git_oid_equal(git_tree_entry_id(before), git_tree_entry_id(after)) == 0
          || git_tree_entry_filemode_raw(before) != git_tree_entry_filemode_raw(after)
        {
          changes.append(
            TreeLevelChange(name: name(of: before), old: copy(before), new: copy(after)))
        }
        i += 1
        j += 1
      }
    }
    return changes
  }

  private static func name(of entry: OpaquePointer) -> String {
    String(cString: git_tree_entry_name(entry))
  }

  /// Copies an entry that its tree lends.
  static func copy(_ entry: OpaquePointer) -> TreeLevelEntry {
    TreeLevelEntry(
      name: name(of: entry), id: Oid(git_tree_entry_id(entry)),
      mode: UInt32(git_tree_entry_filemode_raw(entry).rawValue))
  }

  /// Looks up a tree when there is one and hands it (or nil) to `body`, freeing it afterwards.
  private func withOptionalTree<T>(
    _ id: Oid?, _ body: (OpaquePointer?) throws(GitError) -> T
  ) throws(GitError) -> T {
    guard let id else { return try body(nil) }
    return try withTree(id) { tree throws(GitError) in try body(tree) }
  }
}
