import GitKit

/// Which commits a history walk visits, as `git log` would choose them.
public struct HistoryScope: Sendable, Equatable {
  /// Where the walk starts (`B` of `A..B`, or HEAD).
  public var heads: [Oid]
  /// Commits excluded with everything they reach (`A` of `A..B`).
  public var hiding: [Oid]
  /// Follow only first parents: the mainline, where a merge brings in its branch as one change.
  public var firstParentOnly: Bool

  public init(heads: [Oid], hiding: [Oid] = [], firstParentOnly: Bool = true) {
    self.heads = heads
    self.hiding = hiding
    self.firstParentOnly = firstParentOnly
  }
}

/// One commit whose budgets folder differs from its parent's, with the trees to compare.
public struct HistoryStep: Sendable, Equatable {
  public var commit: CommitLinks
  /// The parent the commit is compared with: the first parent, or nil for a root commit.
  public var parent: CommitLinks?
  /// The budgets folder's tree on each side; nil where the commit has none.
  public var oldTree: Oid?
  public var newTree: Oid?
  /// In a walk of all parents, the budgets folders of a merge's other parents: only what the
  /// merge itself decided (a file that matches no parent) is its change, the rest is shown
  /// on the branches that made it.
  public var otherParentTrees: [Oid?] = []
}
