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
  ///
  /// The raw objects are compared first (`RawTreeComparison`), which costs a fraction of
  /// building both libgit2 trees; a tree that comparison does not read, or an object it cannot
  /// read, is read through libgit2, which gives the same changes or says what is wrong.
  public func levelChanges(from old: Oid?, to new: Oid?) throws(GitError) -> [TreeLevelChange] {
    guard old != new else { return [] }
    if let changes = rawLevelChanges(from: old, to: new) { return changes }
    return try libgit2LevelChanges(from: old, to: new)
  }

  /// The changes found through libgit2's trees, which check and parse every entry.
  func libgit2LevelChanges(from old: Oid?, to new: Oid?) throws(GitError) -> [TreeLevelChange] {
    try withOptionalTree(old) { before throws(GitError) in
      try withOptionalTree(new) { after in Self.mergeWalk(before, after) }
    }
  }

  /// The changes told from the two raw objects, or nil when either cannot be read that way.
  func rawLevelChanges(from old: Oid?, to new: Oid?) -> [TreeLevelChange]? {
    var odb: OpaquePointer?
    guard git_repository_odb(&odb, handle) == 0 else { return nil }
    defer { git_odb_free(odb) }
    return withRawTree(old, odb: odb) { before in
      withRawTree(new, odb: odb) { after in
        guard let before, let after else { return nil }
        return RawTreeComparison.changes(before, after)
      }
    }
  }

  /// Hands `body` a tree's raw content (empty for no tree), or nil when it cannot be read as
  /// a tree.
  private func withRawTree<T>(
    _ id: Oid?, odb: OpaquePointer?, _ body: (UnsafeRawBufferPointer?) -> T
  ) -> T {
    guard let id else { return body(UnsafeRawBufferPointer(start: nil, count: 0)) }
    var raw = id.raw
    var object: OpaquePointer?
    guard git_odb_read(&object, odb, &raw) == 0 else { return body(nil) }
    defer { git_odb_object_free(object) }
    guard git_odb_object_type(object) == GIT_OBJECT_TREE else { return body(nil) }
    return body(
      UnsafeRawBufferPointer(start: git_odb_object_data(object), count: git_odb_object_size(object))
    )
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
