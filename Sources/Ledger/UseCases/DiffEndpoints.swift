import GitKit

/// Turns `diff`'s revisions into the two points to compare, as git reads them.
public struct DiffEndpoints {
  public let repository: Repository
  /// Whether the new side is the index rather than the work tree.
  public let staged: Bool

  public init(repository: Repository, staged: Bool) {
    self.repository = repository
    self.staged = staged
  }

  /// Why the revisions name no two points to compare; the command line words each case.
  public enum Failure: Error, Sendable {
    /// A bare repository has no work tree or index to compare one revision with.
    case bareRepository
    /// The two ends of `A...B`, as written, share no history.
    case noMergeBase(from: String, to: String)
    /// A revision did not resolve.
    case ledger(LedgerError)
  }

  /// The old and new sources; a nil old source is the empty tree of a repository with no
  /// commits.
  public func resolve(_ revisions: [String]) throws(Failure) -> (BudgetSource?, BudgetSource) {
    let current: BudgetSource = staged ? .index : .workTree
    if repository.isBare && revisions.count < 2 && !(revisions.first?.contains("..") ?? false) {
      throw .bareRepository
    }
    switch revisions.count {
    case 0:
      // Before the first commit everything in the work tree or index is new.
      return (repository.isHeadUnborn ? nil : try commit("HEAD"), current)
    case 1 where revisions[0].contains(".."):
      return try range(revisions[0])
    case 1:
      return (try commit(revisions[0]), current)
    default:
      return (try commit(revisions[0]), try commit(revisions[1]))
    }
  }

  private var revisions: RevisionResolver { RevisionResolver(repository: repository) }

  private func commit(_ revision: String) throws(Failure) -> BudgetSource {
    do { return try revisions.resolve(revision).source } catch { throw .ledger(error) }
  }

  private func range(_ spec: String) throws(Failure) -> (BudgetSource?, BudgetSource) {
    let range: RevisionRange
    do { range = try revisions.range(spec) } catch { throw .ledger(error) }
    // libgit2 gives the commits; the names of the ends, for headings, are the text around
    // the separator.
    let parts = spec.components(separatedBy: range.mergeBase ? "..." : "..")
    let fromName = parts.first.flatMap { $0.isEmpty ? nil : $0 } ?? "HEAD"
    let toName = parts.last.flatMap { $0.isEmpty ? nil : $0 } ?? "HEAD"
    guard let from = range.from else { throw .noMergeBase(from: fromName, to: toName) }
    let fromLabel = range.mergeBase ? "merge-base(\(fromName), \(toName))" : fromName
    return (
      ResolvedRevision(text: fromLabel, commit: from).source,
      ResolvedRevision(text: toName, commit: range.to).source
    )
  }
}
