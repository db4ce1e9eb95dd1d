import GitKit
import Ledger

/// Turns a `log`-style revision argument into the commits to walk, as `git log` reads it:
/// `REV` (REV and its history), `A..B` (B's history without A's), `A...B` (either side since
/// they forked). No argument means HEAD; a repository with no commits has no history.
enum HistoryRange {
  static func scope(_ spec: String?, firstParentOnly: Bool, in repository: Repository) throws
    -> HistoryScope?
  {
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
      let left = spec.components(separatedBy: "...").first ?? ""
      let leftId = try repository.resolveCommit(left.isEmpty ? "HEAD" : left)
      return HistoryScope(
        heads: [range.to, leftId], hiding: range.from.map { [$0] } ?? [],
        firstParentOnly: firstParentOnly)
    } catch {
      throw CommandFailure(error)
    }
  }
}
