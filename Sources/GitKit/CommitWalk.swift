/// A walk over commit history that yields one commit id at a time, newest first.
///
/// Use `while let id = try walk.next() { ... }`; a walk that cannot go on (a parent missing
/// from a shallow clone) throws rather than ending as if history were complete.
public protocol CommitWalk: AnyObject {
  /// The next commit id, or nil when the walk is over.
  func next() throws(GitError) -> Oid?
}

extension CommitWalk {
  /// The remaining ids, at most `limit` of them, in walk order.
  public func collect(limit: Int = .max) throws(GitError) -> [Oid] {
    var ids: [Oid] = []
    while ids.count < limit, let id = try next() {
      ids.append(id)
    }
    return ids
  }
}

extension RevWalk: CommitWalk {}
