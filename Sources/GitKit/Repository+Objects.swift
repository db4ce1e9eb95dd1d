import CGit2
import Foundation

/// Object lookups shared by the public operations, and the translation of "not found".
extension Repository {
  /// Looks up a commit and hands it to `body`, freeing it afterwards.
  func withCommit<T>(
    _ id: Oid, _ body: (OpaquePointer) throws(GitError) -> T
  ) throws(GitError) -> T {
    var raw = id.raw
    var commit: OpaquePointer?
    try LibGit2.check(git_commit_lookup(&commit, handle, &raw), "git_commit_lookup") {
      missingObjectError($0, id: id, expected: "commit")
    }
    defer { git_commit_free(commit) }
    return try body(commit!)
  }

  /// Looks up a tree and hands it to `body`, freeing it afterwards.
  func withTree<T>(
    _ id: Oid, _ body: (OpaquePointer) throws(GitError) -> T
  ) throws(GitError) -> T {
    var raw = id.raw
    var tree: OpaquePointer?
    try LibGit2.check(git_tree_lookup(&tree, handle, &raw), "git_tree_lookup") {
      missingObjectError($0, id: id, expected: "tree")
    }
    defer { git_tree_free(tree) }
    return try body(tree!)
  }

  /// Turns a failed lookup into "not found", "wrong type" or, in a shallow clone, "history
  /// missing"; nil for other failures.
  ///
  /// In a shallow clone any absent commit may lie beyond the cut, and answering as if it did
  /// not exist would give wrong results, so those all become `shallowHistoryMissing`.
  func missingObjectError(_ failure: LibGit2Failure, id: Oid?, expected: String) -> GitError? {
    if let missing = missingObject(in: failure, id: id) {
      return isShallow ? .shallowHistoryMissing(commit: missing) : .objectNotFound(missing)
    }
    let typeMismatch = [GIT_ENOTFOUND, GIT_EINVALIDSPEC, GIT_EPEEL].map(\.rawValue)
    if typeMismatch.contains(failure.code), let id, objectExists(id) {
      return .wrongObjectType(id.hex, expected: expected)
    }
    return nil
  }

  /// The object a failure could not find, or nil when it is not about a missing object.
  ///
  /// libgit2 also says "not found" for an object of another type than asked for, so the
  /// candidate is checked against the object database.
  private func missingObject(in failure: LibGit2Failure, id: Oid?) -> Oid? {
    let candidate: Oid?
    if failure.isNotFound {
      // libgit2 names the object it could not read, which may be a parent of `id`.
      candidate = failure.mentionedOid ?? id ?? missingShallowParents().first
    } else if failure.errorClass == Int32(GIT_ERROR_ODB.rawValue) {
      // Some operations (merge-base in libgit2 1.5) report a missing object as a generic
      // failure of the object database.
      candidate = failure.mentionedOid
    } else {
      candidate = nil
    }
    guard let candidate, !objectExists(candidate) else { return nil }
    return candidate
  }

  /// Whether the object database holds an object with this id.
  func objectExists(_ id: Oid) -> Bool {
    var odb: OpaquePointer?
    guard (try? LibGit2.check(git_repository_odb(&odb, handle), "git_repository_odb")) != nil
    else { return false }
    defer { git_odb_free(odb) }
    var raw = id.raw
    return git_odb_exists(odb, &raw) == 1
  }

  /// The parents of the shallow clone's boundary commits that are absent, in file order.
  ///
  /// Used to name the missing commit when libgit2's message does not.
  func missingShallowParents() -> [Oid] {
    let file = gitDirectory + "/shallow"
    guard isShallow, let text = try? String(contentsOfFile: file, encoding: .utf8) else {
      return []
    }
    let boundaries = text.split(whereSeparator: \.isNewline).compactMap { Oid(hex: String($0)) }
    return boundaries.flatMap { boundary -> [Oid] in
      let parents = (try? withCommit(boundary) { commit in CommitInfo(commit).parentIds }) ?? []
      return parents.filter { !objectExists($0) }
    }
  }
}
