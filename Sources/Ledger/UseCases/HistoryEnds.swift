import GitKit

/// Where a first-parent history of recorded runs starts and stops: B and A of `A..B`, or a
/// revision (HEAD by default) and its whole history.
public struct HistoryEnds: Sendable, Equatable {
  /// The newest commit, whose first parents are walked.
  public var head: Oid
  /// Where the walk stops (excluded), for a range.
  public var base: Oid?

  public init(head: Oid, base: Oid? = nil) {
    self.head = head
    self.base = base
  }
}

extension RevisionResolver {
  /// The ends of the history `spec` names (a revision or `A..B`); HEAD's whole history without
  /// one. Nil when no range is given and HEAD has no commit yet.
  public func historyEnds(_ spec: String?) throws(LedgerError) -> HistoryEnds? {
    guard let spec else { return headIfAny().map { HistoryEnds(head: $0.commit) } }
    let ends = try range(spec)
    return HistoryEnds(head: ends.to, base: ends.from)
  }
}
