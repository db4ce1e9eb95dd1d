import BudgetKit
import Foundation
import Ledger

/// Writes audit entries as they come, so a long history starts printing at once and memory
/// stays flat: a header, one piece per entry, and a footer.
protocol LogRenderer {
  func header() -> String?
  /// One entry; `texts` are its commit's, `index` counts the entries written before it.
  func row(_ entry: AuditEntry, commit texts: CommitTexts, index: Int) -> String
  /// The closing text; `error` is set when the walk stopped early, so formats that must be
  /// well-formed (JSON) can say so and still parse.
  func footer(count: Int, error: String?) -> String?
}

/// `table`: fixed-width columns (widths cannot be measured before the last row arrives).
struct LogTableRenderer: LogRenderer {
  var style = Style()

  func header() -> String? { nil }

  func row(_ entry: AuditEntry, commit texts: CommitTexts, index: Int) -> String {
    let commit = entry.commit
    let start = [
      texts.day, commit.id.abbreviated, pad(commit.author.name, 14),
    ].joined(separator: "  ")
    guard let change = entry.change else {
      let text = entry.problem.map(\.description) ?? "invalid file"
      return start + "  " + style.red(pad("invalid", 9)) + "  " + text
    }
    let word = ChangeText.word(change)
    let colour = ChangeText.colour(change.kind, style)
    var cells = [
      colour(pad(word, 9)), pad(change.budget?.rawValue ?? "—", 18),
      pad(change.budget == nil ? "—" : change.environmentName.rawValue, 10),
      pad(change.metric?.rawValue ?? "—", 16), pad(change.field ?? "", 7),
      ChangeText.values(change),
    ]
    if let percent = ChangeText.percent(change.relativeChange) { cells.append(percent) }
    if let exception = change.exception { cells.append("[\(exception)]") }
    if change.category == .approval, let note = change.note { cells.append(note) }
    let summary = entry.rationale.split(separator: "\n").first.map(String.init) ?? ""
    cells.append(style.dim(summary))
    return start + "  " + cells.joined(separator: "  ")
  }

  func footer(count: Int, error: String?) -> String? {
    count == 0 && error == nil ? "No budget changes in this history." : nil
  }

  private func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }
}

/// `jsonl`: one JSON object per line.
struct LogJSONLinesRenderer: LogRenderer {
  func header() -> String? { nil }
  func row(_ entry: AuditEntry, commit texts: CommitTexts, index: Int) -> String {
    LogEntryJSON.text(entry, commit: texts)
  }
  func footer(count: Int, error: String?) -> String? { nil }
}

/// `json`: `{"entries": [...]}`, written entry by entry; a walk that stops early adds `error`.
struct LogJSONRenderer: LogRenderer {
  func header() -> String? { "{\"entries\":[" }

  func row(_ entry: AuditEntry, commit texts: CommitTexts, index: Int) -> String {
    (index == 0 ? "" : ",") + LogEntryJSON.text(entry, commit: texts)
  }

  func footer(count: Int, error: String?) -> String? {
    let error = error.map { ",\"error\":" + JSONOutput.encode($0, pretty: false) } ?? ""
    return "]" + error + "}"
  }
}
