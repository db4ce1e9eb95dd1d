import BudgetKit
import Ledger

/// One audit entry as `log --format json|jsonl` writes it: every key present, null where there
/// is no value, keys sorted. The change's keys are those of `diff --format json` but
/// `budget_value`, which needs the whole tree a log step does not read.
enum LogEntryJSON {
  /// The compact JSON object of an entry; `commit` holds the commit's texts, worked out once
  /// for all the entries of one commit. `export` adds the `export` and `export_format` keys
  /// that name the stream of an `export --audit` line.
  static func text(_ entry: AuditEntry, commit: CommitTexts, export: ExportStream? = nil)
    -> String
  {
    let change = entry.change
    var writer = JSONOutput.Object()
    writer.string("action", change?.action?.rawValue)
    writer.string("approval_state", change?.approvalState?.rawValue)
    writer.strings("approvals", entry.approvals.map(\.rawValue))
    writer.string("author", entry.commit.author.name)
    writer.string("author_date", commit.authorDate)
    writer.string("author_email", entry.commit.author.email)
    writer.string("budget", change?.budget?.rawValue)
    writer.string("category", change?.category.rawValue ?? "file")
    writer.string("commit", entry.commit.id.hex)
    writer.string("committer", entry.commit.committer.name)
    writer.string("committer_email", entry.commit.committer.email)
    writer.string("date", commit.date)
    writer.string("environment", change.flatMap(ChangeText.environment))
    writer.string("exception", change?.exception?.rawValue)
    writer.string("expires", change?.expires)
    if let export {
      writer.string("export", export.name)
      writer.number("export_format", JSONOutput.Number(export.format))
    }
    writer.string("field", change?.field.name)
    writer.string("kind", change?.kind.rawValue ?? "invalid")
    writer.string("metric", change?.metric?.rawValue)
    writer.string("new", change?.newText)
    writer.string("note", change.map { $0.note } ?? entry.problem?.message)
    writer.string("old", change?.oldText)
    writer.string("path", Self.path(of: entry))
    writer.string("problem", entry.problem?.sentence)
    writer.string("rationale", entry.rationale)
    writer.number("relative_change", change?.relativeChange.flatMap(ChangeJSON.number))
    writer.string("subject", entry.commit.summary)
    return writer.finish()
  }

  /// The file of the entry's change, or of the problem of a file left invalid.
  static func path(of entry: AuditEntry) -> String {
    entry.change?.path ?? entry.problem?.location.path ?? ""
  }
}

/// The texts of one commit that every entry of it repeats.
struct CommitTexts {
  var date: String
  var authorDate: String
  var day: String

  init(_ entry: AuditEntry) {
    date = TimeText.iso(entry.commit.committed)
    authorDate = TimeText.iso(entry.commit.authored)
    day = String(date.prefix(10))
  }
}
