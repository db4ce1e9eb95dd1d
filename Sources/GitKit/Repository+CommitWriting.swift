import CGit2
import Foundation

/// Writing commits that no branch points at yet; a reference is moved to them separately.
extension Repository {
  /// Writes a commit of `tree` with `parents` (in order), authored and committed by
  /// `signature`, and returns its id; no reference is moved.
  public func writeCommit(
    tree: Oid, parents: [Oid], message: String, signature: Signature
  ) throws(GitError) -> Oid {
    var author: UnsafeMutablePointer<git_signature>?
    try LibGit2.check(
      git_signature_new(
        &author, signature.name, signature.email,
        git_time_t(signature.time.timeIntervalSince1970.rounded(.down)),
        Int32(signature.offsetMinutes)), "git_signature_new")
    defer { git_signature_free(author) }
    var parentCommits: [OpaquePointer?] = []
    defer { for parent in parentCommits { git_commit_free(parent) } }
    for parent in parents {
      var raw = parent.raw
      var commit: OpaquePointer?
      try LibGit2.check(git_commit_lookup(&commit, handle, &raw), "git_commit_lookup") {
        missingObjectError($0, id: parent, expected: "commit")
      }
      parentCommits.append(commit)
    }
    return try withTree(tree) { treeObject throws(GitError) in
      var id = git_oid()
      let code = parentCommits.withUnsafeMutableBufferPointer { buffer in
        git_commit_create(
          &id, handle, nil, author, author, "UTF-8", message, treeObject, buffer.count,
          buffer.baseAddress)
      }
      try LibGit2.check(code, "git_commit_create")
      return Oid(id)
    }
  }

  /// The tree a commit records.
  public func treeOfCommit(_ id: Oid) throws(GitError) -> Oid {
    try withCommit(id) { commit in Oid(git_commit_tree_id(commit).pointee) }
  }

  /// Whether `ancestor` is `descendant` or one of its ancestors.
  public func isAncestor(_ ancestor: Oid, of descendant: Oid) throws(GitError) -> Bool {
    if ancestor == descendant { return true }
    var a = descendant.raw
    var b = ancestor.raw
    let code = git_graph_descendant_of(handle, &a, &b)
    try LibGit2.check(code, "git_graph_descendant_of")
    return code == 1
  }
}
