import Foundation
import GitKit
import Ledger

/// Where `--at REV|DATE` points: the tree to read, and the moment at which to judge which
/// exceptions are in force.
struct PointInTime {
  var point: TreePoint
  var moment: Date
  /// What the reader asked for, for headings: `HEAD (1a2b3c4)`, `2026-11-20 (1a2b3c4)`.
  var label: String

  /// The work tree now when `text` is nil (HEAD in a bare repository); else a revision, or a
  /// date meaning the newest first-parent commit of HEAD at or before it. A date is judged at
  /// the last instant it covers (the end of a day given as `2026-12-01`), the same instant the
  /// commit is picked by, so the commit and the exceptions shown belong together.
  static func resolve(_ text: String?, in repository: Repository, now: Date = Date()) throws
    -> PointInTime
  {
    // A bare repository has no work tree; what it holds is HEAD.
    let text = text ?? (repository.isBare ? "HEAD" : nil)
    guard let text else {
      return PointInTime(point: .workTree, moment: now, label: "the work tree")
    }
    do {
      let id = try repository.resolveCommit(text)
      let time = try repository.links(of: id).committerTime
      let point = TreePoint.commit(id, revision: text)
      return PointInTime(point: point, moment: time, label: point.description)
    } catch GitError.unknownRevision(let revision) {
      guard let date = DateArgument(text) else {
        throw CommandFailure(
          "'\(revision)' is neither a revision nor a date (\(DateArgument.hint))")
      }
      return try atDate(date, in: repository)
    } catch {
      throw CommandFailure(error)
    }
  }

  private static func atDate(_ date: DateArgument, in repository: Repository) throws -> PointInTime
  {
    do {
      let head = try repository.resolveCommit("HEAD")
      guard let id = try CommitAtDate.find(in: repository, from: head, atOrBefore: date.end) else {
        throw CommandFailure(
          "no commit on the first-parent history of HEAD was made at or before \(date); the first one is later"
        )
      }
      return PointInTime(
        point: .commit(id, revision: id.hex), moment: date.end,
        label: "\(date) (\(id.abbreviated))")
    } catch let error as GitError {
      throw CommandFailure(error)
    }
  }
}
