import Foundation
import GitKit

/// Where `--at REV|DATE` points: the tree to read, and the moment at which to judge which
/// exceptions are in force.
public struct PointInTime: Sendable {
  public var source: BudgetSource
  public var moment: Date
  /// What the reader asked for, for headings: `HEAD (1a2b3c4)`, `2026-11-20 (1a2b3c4)`.
  public var label: String

  /// Why a point in time could not be found; the command line words each case.
  public enum Failure: Error, Sendable {
    /// The text (as written) is neither a revision nor a date.
    case neitherRevisionNorDate(String)
    /// No first-parent commit of HEAD was made at or before the date (as written).
    case noCommitAtOrBefore(String)
    case ledger(LedgerError)
  }

  /// The work tree now when `text` is nil (HEAD in a bare repository); else a revision, or a
  /// date meaning the newest first-parent commit of HEAD at or before it. `dateEnd` reads a
  /// date: the last instant it covers (the end of a day given as `2026-12-01`), which is both
  /// the instant the commit is picked by and the moment exceptions are judged at, so the
  /// commit and the exceptions shown belong together.
  public static func resolve(
    _ text: String?, in repository: Repository, now: Date = Date(), dateEnd: (String) -> Date?
  ) throws(Failure) -> PointInTime {
    // A bare repository has no work tree; what it holds is HEAD.
    let text = text ?? (repository.isBare ? "HEAD" : nil)
    guard let text else {
      return PointInTime(source: .workTree, moment: now, label: "the work tree")
    }
    do {
      let id = try repository.resolveCommit(text)
      let time = try repository.links(of: id).committerTime
      let revision = ResolvedRevision(text: text, commit: id)
      return PointInTime(source: revision.source, moment: time, label: revision.description)
    } catch GitError.unknownRevision(let revision) {
      guard let end = dateEnd(text) else { throw .neitherRevisionNorDate(revision) }
      return try atDate(text, end: end, in: repository)
    } catch {
      throw .ledger(.git(error))
    }
  }

  private static func atDate(_ text: String, end: Date, in repository: Repository)
    throws(Failure) -> PointInTime
  {
    let found: Oid?
    do {
      let head = try repository.resolveCommit("HEAD")
      found = try CommitAtDate.find(in: repository, from: head, atOrBefore: end)
    } catch {
      throw .ledger(.git(error))
    }
    guard let id = found else { throw .noCommitAtOrBefore(text) }
    return PointInTime(
      source: ResolvedRevision(text: id.hex, commit: id).source, moment: end,
      label: "\(text) (\(id.abbreviated))")
  }
}
