import CGit2

/// Reading folders and files recorded in commits.
extension Repository {
  /// The id of the folder at `path` in a commit (such as ".budgets"), or nil when the commit
  /// has nothing there or has a file there. An empty path names the root tree.
  public func treeId(of commit: Oid, at path: String) throws(GitError) -> Oid? {
    switch try entry(of: commit, at: path) {
    case .tree(let id): return id
    case .absent, .other: return nil
    }
  }

  /// Every file under a tree, recursively, with paths relative to it, in `git ls-tree -r`
  /// order. Folders themselves are not listed; submodules are, with their commit id.
  public func files(inTree treeId: Oid) throws(GitError) -> [TreeEntry] {
    var entries: [TreeEntry] = []
    try appendFiles(ofTree: treeId, prefix: "", to: &entries)
    return entries
  }

  /// Every file under `path` in a commit, relative to `path`; nil when the path is absent.
  ///
  /// When `path` is a file, link or submodule rather than a folder, the result is that single
  /// entry with kind `.notADirectory` and `path` as its path, so callers can report it.
  public func files(atCommit commit: Oid, under path: String) throws(GitError) -> [TreeEntry]? {
    switch try entry(of: commit, at: path) {
    case .absent: return nil
    case .tree(let id): return try files(inTree: id)
    case .other(let entry): return [entry]
    }
  }

  /// What a commit records at a path.
  private enum PathEntry {
    case absent
    case tree(Oid)
    case other(TreeEntry)
  }

  private func entry(of commit: Oid, at path: String) throws(GitError) -> PathEntry {
    let path = Self.normalized(path)
    let rootId = try withCommit(commit) { Oid(git_commit_tree_id($0)) }
    guard !path.isEmpty else { return .tree(rootId) }
    return try withTree(rootId) { tree throws(GitError) in
      var entry: OpaquePointer?
      // A missing path, or one that goes through a file, is an answer, not a failure.
      let code = git_tree_entry_bypath(&entry, tree, path)
      if code == GIT_ENOTFOUND.rawValue { return .absent }
      try LibGit2.check(code, "git_tree_entry_bypath")
      defer { git_tree_entry_free(entry) }
      let id = Oid(git_tree_entry_id(entry))
      let mode = UInt32(git_tree_entry_filemode_raw(entry).rawValue)
      if TreeEntry.isTree(mode: mode) { return .tree(id) }
      return .other(TreeEntry(path: path, id: id, kind: .notADirectory, mode: mode))
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

  /// A repository path without leading or trailing slashes; "." and "" mean the root.
  static func normalized(_ path: String) -> String {
    let components = path.split(separator: "/").filter { $0 != "." }
    return components.joined(separator: "/")
  }
}
