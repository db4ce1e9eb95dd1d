import BudgetKit
import Ledger

/// `csv`: RFC 4180, one row per entry, for auditors' spreadsheets.
struct LogCSVRenderer: LogRenderer {
  static let columns = [
    "commit", "date", "author", "author_email", "committer", "category", "kind", "budget",
    "environment", "metric", "field", "old", "new", "relative_change", "path", "exception",
    "action",
    "approvals", "rationale",
  ]

  func header() -> String? { CSVWriter.row(Self.columns) }

  func row(_ entry: AuditEntry, commit texts: CommitTexts, index: Int) -> String? {
    let change = entry.change
    let start: [String?] = [
      entry.commit.id.hex, texts.date, entry.commit.author.name,
      entry.commit.author.email, entry.commit.committer.name,
      change?.category.rawValue ?? "file", change?.kind.rawValue ?? "invalid",
      change?.budget?.rawValue, change.flatMap(ChangeText.environment), change?.metric?.rawValue,
      change?.field.name, change?.oldText, change?.newText,
    ]
    let end: [String?] = [
      LogEntryJSON.path(of: entry), change?.exception?.rawValue, change?.action?.rawValue,
      entry.approvals.map(\.rawValue).joined(separator: " "),
      change == nil ? entry.problem?.sentence : entry.rationale,
    ]
    let relative = change?.relativeChange.map { "\(ChangeJSON.rounded($0))" } ?? ""
    let cells =
      start.map { CSVWriter.Cell.text($0 ?? "") } + [.number(relative)]
      + end.map { CSVWriter.Cell.text($0 ?? "") }
    return CSVWriter.row(cells)
  }

  func footer(count: Int, error: String?) -> String? { nil }
}

/// `markdown`: one table row per entry, with the same kind words as the other formats.
struct LogMarkdownRenderer: LogRenderer {
  func header() -> String? {
    "| date | commit | author | kind | budget | environment | metric | field | old | new | exception | rationale |\n"
      + "|---|---|---|---|---|---|---|---|---|---|---|---|"
  }

  func row(_ entry: AuditEntry, commit texts: CommitTexts, index: Int) -> String? {
    let commit = entry.commit
    let start = [texts.day, "`\(commit.id.abbreviated)`", commit.author.name]
    guard let change = entry.change else {
      return cells(
        start + ["**invalid**", "—", "—", "—", "", "—", "—", "", entry.problem?.sentence ?? ""])
    }
    let kind = change.kind.rawValue
    let word = change.kind.isLoosening ? "**\(kind)**" : kind
    let summary = entry.rationale.split(separator: "\n").first.map(String.init) ?? ""
    let note = ChangeText.approvalNote(change).map { $0 + " — " } ?? ""
    return cells(
      start + [
        word, change.budget?.rawValue ?? "—", ChangeText.environment(change) ?? "—",
        change.metric?.rawValue ?? "—", change.field.name, change.oldText ?? "—",
        change.newText ?? "—",
        ChangeText.exception(change) ?? "", note + summary,
      ])
  }

  func footer(count: Int, error: String?) -> String? {
    count == 0 ? "\n_No budget changes in this history._" : nil
  }

  private func cells(_ values: [String]) -> String {
    MarkdownTable.row(values, escapingHTML: false)
  }
}
