/// `Repository` reads objects through libgit2; long walks read raw objects instead.
extension Repository: ObjectReading {
  public func commitWalk(
    from heads: [Oid], hiding: [Oid], firstParentOnly: Bool, order: RevWalk.Order
  ) throws(GitError) -> any CommitWalk {
    try revWalk(from: heads, hiding: hiding, firstParentOnly: firstParentOnly, order: order)
  }

  /// A `RawObjectReader`, which reads a commit's links and a tree's names without building
  /// libgit2 objects.
  public func historyReader() throws(GitError) -> any HistoryReading {
    try rawObjectReader()
  }
}
