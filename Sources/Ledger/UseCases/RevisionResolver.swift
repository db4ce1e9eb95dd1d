import GitKit

/// Turns revisions as a person typed them into commits, once, keeping the text for messages.
public struct RevisionResolver {
  public let repository: Repository

  public init(repository: Repository) {
    self.repository = repository
  }

  /// The commit a revision names, remembering how it was written.
  public func resolve(_ revision: String) throws(LedgerError) -> ResolvedRevision {
    do {
      return ResolvedRevision(text: revision, commit: try repository.resolveCommit(revision))
    } catch {
      throw .git(error)
    }
  }

  /// HEAD's commit; nil when HEAD has none yet (an unborn branch) or cannot be resolved.
  public func headIfAny() -> ResolvedRevision? {
    guard !repository.isHeadUnborn, let id = try? repository.resolveCommit("HEAD") else {
      return nil
    }
    return ResolvedRevision(text: "HEAD", commit: id)
  }

  /// A single revision, `A..B` or `A...B`, resolved to the commits at its ends.
  public func range(_ spec: String) throws(LedgerError) -> RevisionRange {
    do {
      return try repository.resolveRange(spec)
    } catch {
      throw .git(error)
    }
  }

  /// The commits to walk for a `log`-style argument, as `git log` reads it: `REV` (REV and
  /// its history), `A..B` (B's history without A's), `A...B` (either side since they forked).
  /// No argument means HEAD; a repository with no commits has no history (nil).
  public func scope(_ spec: String?, firstParentOnly: Bool) throws(LedgerError) -> HistoryScope? {
    do {
      guard let spec else {
        if repository.isHeadUnborn || repository.isEmpty { return nil }
        return HistoryScope(
          heads: [try repository.resolveCommit("HEAD")], firstParentOnly: firstParentOnly)
      }
      guard spec.contains("..") else {
        return HistoryScope(
          heads: [try repository.resolveCommit(spec)], firstParentOnly: firstParentOnly)
      }
      let range = try repository.resolveRange(spec)
      guard range.mergeBase else {
        return HistoryScope(
          heads: [range.to], hiding: range.from.map { [$0] } ?? [], firstParentOnly: firstParentOnly
        )
      }
      // The left end of `A...B` is walked too, at the commit the range resolved it to.
      return HistoryScope(
        heads: [range.to] + (range.left.map { [$0] } ?? []), hiding: range.from.map { [$0] } ?? [],
        firstParentOnly: firstParentOnly)
    } catch {
      throw .git(error)
    }
  }
}
