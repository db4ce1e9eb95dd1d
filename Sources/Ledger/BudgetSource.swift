import GitKit

/// Where a `.budgets/` tree is read from: the work tree, the index, or one commit, resolved
/// once from the revision a person typed (see `RevisionResolver`), which is kept for messages.
public enum BudgetSource: Sendable, Equatable, CustomStringConvertible {
  /// The files on disk in the work tree.
  case workTree
  /// What is staged in the index (what a pre-commit hook sees).
  case index
  /// The tree of a commit, with the revision as it was written.
  case commit(ResolvedRevision)

  /// The source in a sentence: `the work tree`, `the index`, `revision main`.
  public var description: String {
    switch self {
    case .workTree: "the work tree"
    case .index: "the index"
    case .commit(let revision): "revision \(revision.text)"
    }
  }

  /// The source as a heading: `the work tree`, `the index`, `main (1a2b3c4)`.
  public var heading: String {
    switch self {
    case .workTree: "the work tree"
    case .index: "the index"
    case .commit(let revision): revision.description
    }
  }

  /// The revision of a commit source; nil for the work tree and the index.
  public var revision: ResolvedRevision? {
    if case .commit(let revision) = self { revision } else { nil }
  }
}
