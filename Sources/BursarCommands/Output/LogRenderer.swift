import BudgetKit
import Foundation
import Ledger

/// Writes audit entries as they come, so a long history starts printing at once and memory
/// stays flat: a header, one piece per entry, and a footer.
protocol LogRenderer {
  func header() -> String?
  /// One entry; `texts` are its commit's, `index` counts the entries written before it. Nil
  /// while the renderer holds entries back (the table measures its first rows).
  mutating func row(_ entry: AuditEntry, commit texts: CommitTexts, index: Int) -> String?
  /// The closing text, after anything held back; `error` is set when the walk stopped early,
  /// so formats that must be well-formed (JSON) can say so and still parse.
  mutating func footer(count: Int, error: String?) -> String?
}

/// `table`: a header row and aligned columns, measured on the first 100 entries (see
/// `StreamedTable`); the kind column holds the same word as the other formats' `kind`.
struct LogTableRenderer: LogRenderer {
  var style = Style()
  private var table = StreamedTable(columns: Self.columns)

  static let columns: [StreamedTable.Column] = [
    .init(title: "DATE", cap: 10), .init(title: "COMMIT", cap: 12), .init(title: "AUTHOR", cap: 20),
    .init(title: "KIND", cap: 7), .init(title: "BUDGET", cap: 32),
    .init(title: "ENVIRONMENT", cap: 16), .init(title: "METRIC", cap: 28),
    .init(title: "FIELD", cap: 24), .init(title: "OLD → NEW", cap: 40), .init(title: "Δ", cap: 7),
    .init(title: "EXCEPTION", cap: 32), .init(title: "RATIONALE", cap: 0),
  ]

  func header() -> String? { nil }

  mutating func row(_ entry: AuditEntry, commit texts: CommitTexts, index: Int) -> String? {
    let lines = table.add(cells(entry, texts))
    return lines.isEmpty ? nil : lines.joined(separator: "\n")
  }

  private func cells(_ entry: AuditEntry, _ texts: CommitTexts) -> [TextTable.Cell] {
    let start = [texts.day, entry.commit.id.abbreviated, entry.commit.author.name].map {
      TextTable.Cell(text: $0)
    }
    guard let change = entry.change else {
      let problem = entry.problem.map(\.sentence) ?? "invalid file"
      return start + [TextTable.Cell(text: "invalid", style: { style.red($0) })]
        + ["—", "—", "—", "", "", "", ""].map { TextTable.Cell(text: $0) }
        + [TextTable.Cell(text: problem)]
    }
    let summary = entry.rationale.split(separator: "\n").first.map(String.init) ?? ""
    let note = ChangeText.approvalNote(change).map { [$0] } ?? []
    let rationale = (note + [style.dim(summary)]).joined(separator: "  ")
    let values = [
      change.budget?.rawValue ?? "—", ChangeText.environment(change) ?? "—",
      change.metric?.rawValue ?? "—", change.field.name, ChangeText.values(change),
      ChangeText.percent(change.relativeChange) ?? "", ChangeText.exception(change) ?? "",
    ]
    return start + [
      TextTable.Cell(text: change.kind.rawValue, style: ChangeText.colour(change.kind, style))
    ] + values.map { TextTable.Cell(text: $0) } + [TextTable.Cell(text: rationale)]
  }

  mutating func footer(count: Int, error: String?) -> String? {
    let held = table.finish()
    if count == 0 && error == nil { return "No budget changes in this history." }
    return held.isEmpty ? nil : held.joined(separator: "\n")
  }
}

/// `jsonl`: one JSON object per line.
struct LogJSONLinesRenderer: LogRenderer {
  func header() -> String? { nil }
  func row(_ entry: AuditEntry, commit texts: CommitTexts, index: Int) -> String? {
    LogEntryJSON.text(entry, commit: texts)
  }
  func footer(count: Int, error: String?) -> String? { nil }
}

/// `json`: `{"entries": [...]}`, written entry by entry; a walk that stops early adds `error`.
struct LogJSONRenderer: LogRenderer {
  func header() -> String? { "{\"entries\":[" }

  func row(_ entry: AuditEntry, commit texts: CommitTexts, index: Int) -> String? {
    (index == 0 ? "" : ",") + LogEntryJSON.text(entry, commit: texts)
  }

  func footer(count: Int, error: String?) -> String? {
    let error = error.map { ",\"error\":" + JSONOutput.encode($0, pretty: false) } ?? ""
    return "]" + error + "}"
  }
}
