/// Reading single commits.
extension Repository {
  /// A copy of the commit with this id.
  ///
  /// Throws `GitError.objectNotFound` when there is no such commit, `shallowHistoryMissing`
  /// when it may lie beyond the cut of a shallow clone, and `wrongObjectType` for another
  /// kind of object.
  public func commit(_ id: Oid) throws(GitError) -> CommitInfo {
    try withCommit(id) { CommitInfo($0) }
  }
}
