import BudgetKit
import GitKit

/// A place a budget tree can be read from, resolved: the work tree, the index or one commit.
public enum TreePoint: Sendable, Equatable, CustomStringConvertible {
  case workTree
  case index
  /// A commit, with the revision as the user wrote it.
  case commit(Oid, revision: String)

  public var description: String {
    switch self {
    case .workTree: "the work tree"
    case .index: "the index"
    case .commit(let id, let revision):
      revision == id.hex ? id.abbreviated : "\(revision) (\(id.abbreviated))"
    }
  }

  /// The point as a source to read, with the revision as the user wrote it.
  public var source: BudgetSource {
    switch self {
    case .workTree: .workTree
    case .index: .index
    case .commit(_, let revision): .revision(revision)
    }
  }
}

/// Reads the budget tree at a point, through a parse cache shared between reads.
public struct TreeAtPoint {
  public let repository: Repository
  public let commits: CommitTreeLoader

  /// - Parameters:
  ///   - digests: whether trees carry their files' meaning digests (which approvals need and a
  ///     diff does not).
  ///   - day: the day exceptions are judged on.
  public init(
    repository: Repository, cache: ParseCache = ParseCache(), digests: Bool = true,
    day: CalendarDay = .today
  ) {
    self.repository = repository
    var loader = BudgetTreeLoader(day: day)
    loader.computesDigests = digests
    self.commits = CommitTreeLoader(repository: repository, cache: cache, loader: loader)
  }

  /// The parsed, validated tree; nil when there is no `.budgets/` folder there.
  public func tree(at point: TreePoint) throws(LedgerError) -> BudgetTree? {
    switch point {
    case .commit(let id, _):
      return try commits.tree(atCommit: id)
    case .workTree, .index:
      do {
        return try SnapshotReader(repository: repository).snapshot(
          point == .index ? .index : .workTree
        ).load(with: commits.loader)
      } catch .noBudgetsFolder {
        return nil
      }
    }
  }
}
