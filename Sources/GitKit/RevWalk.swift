import CGit2

/// A walk over commit history that yields one commit id at a time.
///
/// It is deliberately not an `IteratorProtocol`: an iterator cannot throw, and a walk that
/// stops at a parent missing from a shallow clone must not look like a walk that finished.
/// Use `while let id = try walk.next() { ... }`.
public final class RevWalk {
  /// The order in which commits come out.
  public enum Order: Sendable {
    /// No commit before any of its children, ties by commit date (`git rev-list --date-order`).
    /// libgit2 sorts the reachable graph up front, in compact form, before the first id.
    case topological
    /// Newest commit date first, as plain `git rev-list`; commits are read as the walk goes.
    case time
  }

  /// Keeps the repository alive, since the walk handle points into it.
  private let repository: Repository
  /// The owned `git_revwalk *`.
  private let handle: OpaquePointer
  private var finished = false

  init(
    repository: Repository, heads: [Oid], hiding: [Oid], firstParentOnly: Bool, order: Order
  ) throws(GitError) {
    var walk: OpaquePointer?
    try LibGit2.check(git_revwalk_new(&walk, repository.handle), "git_revwalk_new")
    // Owned from here on, so any failure below frees it through deinit.
    self.repository = repository
    self.handle = walk!
    let sorting =
      order == .topological
      ? GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue : GIT_SORT_TIME.rawValue
    try LibGit2.check(git_revwalk_sorting(handle, sorting), "git_revwalk_sorting")
    if firstParentOnly {
      try LibGit2.check(
        git_revwalk_simplify_first_parent(handle), "git_revwalk_simplify_first_parent")
    }
    for head in heads {
      var raw = head.raw
      try LibGit2.check(git_revwalk_push(handle, &raw), "git_revwalk_push") {
        repository.missingObjectError($0, id: head, expected: "commit")
      }
    }
    for hidden in hiding {
      var raw = hidden.raw
      try LibGit2.check(git_revwalk_hide(handle, &raw), "git_revwalk_hide") {
        repository.missingObjectError($0, id: hidden, expected: "commit")
      }
    }
  }

  deinit {
    git_revwalk_free(handle)
  }

  /// The next commit id, or nil when the walk is over.
  ///
  /// Throws `GitError.shallowHistoryMissing` when the walk needs a commit that a shallow
  /// clone does not have, rather than ending early with an incomplete history.
  public func next() throws(GitError) -> Oid? {
    guard !finished else { return nil }
    var raw = git_oid()
    let code = git_revwalk_next(&raw, handle)
    if code == GIT_ITEROVER.rawValue {
      finished = true
      return nil
    }
    try LibGit2.check(code, "git_revwalk_next") {
      repository.missingObjectError($0, id: nil, expected: "commit")
    }
    return Oid(raw)
  }

  /// The remaining ids, at most `limit` of them, in walk order.
  public func collect(limit: Int = .max) throws(GitError) -> [Oid] {
    var ids: [Oid] = []
    while ids.count < limit, let id = try next() {
      ids.append(id)
    }
    return ids
  }
}

extension Repository {
  /// Starts a walk over the commits reachable from `heads` but not from `hiding`, like
  /// `git rev-list heads ^hiding` (with `--first-parent` when asked). Ids are produced one by
  /// one; nothing is collected unless the caller does so.
  public func revWalk(
    from heads: [Oid], hiding: [Oid] = [], firstParentOnly: Bool = false,
    order: RevWalk.Order = .topological
  ) throws(GitError) -> RevWalk {
    try RevWalk(
      repository: self, heads: heads, hiding: hiding, firstParentOnly: firstParentOnly,
      order: order)
  }
}
