import CGit2

/// Reading folders and files recorded in trees.
extension Repository {
  /// Every file under a tree, recursively, with paths relative to it, in `git ls-tree -r`
  /// order. Folders themselves are not listed; submodules are, with their commit id.
  public func files(inTree treeId: Oid) throws(GitError) -> [TreeEntry] {
    var entries: [TreeEntry] = []
    try appendFiles(ofTree: treeId, prefix: "", to: &entries)
    return entries
  }

  /// The entry with this name directly in a tree, or nil when there is none.
  public func entry(named name: String, inTree treeId: Oid) throws(GitError) -> TreeLevelEntry? {
    try withTree(treeId) { tree in
      // The entry is borrowed from the tree: copied here, never freed.
      guard let entry = git_tree_entry_byname(tree, name) else { return nil }
      return Self.copy(entry)
    }
  }

  /// Appends the files of a tree in tree order, descending into sub-trees where they stand.
  private func appendFiles(
    ofTree treeId: Oid, prefix: String, to entries: inout [TreeEntry]
  ) throws(GitError) {
    try withTree(treeId) { tree throws(GitError) in
      for index in 0..<git_tree_entrycount(tree) {
        // Entries are borrowed from the tree: copied here, never freed.
        guard let entry = git_tree_entry_byindex(tree, index) else { continue }
        let name = String(cString: git_tree_entry_name(entry))
        let path = prefix.isEmpty ? name : prefix + "/" + name
        let id = Oid(git_tree_entry_id(entry))
        let mode = UInt32(git_tree_entry_filemode_raw(entry).rawValue)
        if TreeEntry.isTree(mode: mode) {
          try appendFiles(ofTree: id, prefix: path, to: &entries)
        } else {
          entries.append(TreeEntry(path: path, id: id, mode: mode))
        }
      }
    }
  }
}

extension Repository {
  /// A repository path without leading or trailing slashes; "." and "" mean the root.
  static func normalized(_ path: String) -> String {
    let components = path.split(separator: "/").filter { $0 != "." }
    return components.joined(separator: "/")
  }
}
