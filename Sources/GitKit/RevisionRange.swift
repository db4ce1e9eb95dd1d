/// The two ends of a revision range such as `A..B` or `A...B`, resolved to commits.
public struct RevisionRange: Hashable, Sendable {
  /// The excluded end: `A` for `A..B`, the merge base of `A` and `B` for `A...B`. It is nil
  /// for a single revision, and for `A...B` when the two have no common history.
  public let from: Oid?
  /// The included end, `B`.
  public let to: Oid
  /// Whether the spec used `...`, so `from` is a merge base rather than `A` itself.
  public let mergeBase: Bool
  /// For `A...B`, the commit `A` itself (which `git log A...B` walks too); nil otherwise.
  public let left: Oid?

  /// Creates a range from its parts.
  public init(from: Oid?, to: Oid, mergeBase: Bool, left: Oid? = nil) {
    self.from = from
    self.to = to
    self.mergeBase = mergeBase
    self.left = left
  }
}
