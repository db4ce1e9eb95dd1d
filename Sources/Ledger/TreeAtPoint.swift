import BudgetKit
import GitKit

/// Reads the budget tree at a source, through a parse cache shared between reads.
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
  public func tree(at source: BudgetSource) throws(LedgerError) -> BudgetTree? {
    switch source {
    case .commit(let revision):
      return try commits.tree(atCommit: revision.commit)
    case .workTree, .index:
      do {
        return try SnapshotReader(repository: repository).snapshot(source).load(
          with: commits.loader)
      } catch .noBudgetsFolder {
        return nil
      }
    }
  }
}
