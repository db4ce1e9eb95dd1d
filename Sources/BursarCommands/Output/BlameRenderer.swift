import BudgetKit
import Foundation
import Ledger

/// `blame` for people: one line per value, newest (today's) first.
struct BlameTextRenderer: Renderer {
  var style = Style()

  func render(_ report: BlameReport) -> String {
    let lines = [style.bold("\(report.budget) / \(report.metric)") + " in \(report.environment)"]
    var table = TextTable()
    for line in report.lines {
      let kind = line.changes.first?.kind ?? .changed
      let value = line.changes.map { "\($0.field.name) \($0.newText ?? "—")" }.joined(
        separator: " · ")
      let was = line.changes.map { "\($0.oldText ?? "—")" }.joined(separator: " · ")
      let percent = line.changes.compactMap { ChangeText.percent($0.relativeChange) }.joined(
        separator: " ")
      let approvals: String
      if !line.approvals.isEmpty {
        approvals = "approved by " + line.approvals.map(\.rawValue).joined(separator: ", ")
      } else if !line.lateApprovals.isEmpty {
        approvals = line.lateApprovals.map { late in
          let after = Elapsed.text(
            late.commit.committer.time.timeIntervalSince(line.commit.committer.time))
          return
            "approved by \(late.by.rawValue) \(after) later (\(late.commit.id.abbreviated), \(TimeText.day(late.commit.committed)))"
        }.joined(separator: "; ")
      } else {
        approvals = "no approval"
      }
      let summary = line.rationale.split(separator: "\n").first.map(String.init) ?? ""
      table.append([
        TextTable.Cell(text: value, style: { style.bold($0) }),
        TextTable.Cell(text: kind.rawValue, style: ChangeText.colour(kind, style)),
        TextTable.Cell(text: "was " + was), TextTable.Cell(text: percent),
        TextTable.Cell(text: TimeText.day(line.commit.committed)),
        TextTable.Cell(text: line.commit.id.abbreviated, style: { style.yellow($0) }),
        TextTable.Cell(text: line.commit.author.name), TextTable.Cell(text: approvals),
        TextTable.Cell(text: summary, style: { style.dim($0) }),
      ])
    }
    return (lines + table.lines()).joined(separator: "\n")
  }
}

/// `blame --format json`: the metric and its history, newest first.
struct BlameJSON: Encodable {
  struct Line: Encodable {
    var commit: String
    var date: String
    var author: String
    var authorEmail: String
    var rationale: String
    var approvals: [String]
    var lateApprovals: [Late]
    var changes: [ChangeJSON]

    enum CodingKeys: String, CodingKey {
      case commit, date, author, rationale, approvals, changes
      case authorEmail = "author_email"
      case lateApprovals = "late_approvals"
    }
  }

  /// An approval that landed after the value, in a later commit.
  struct Late: Encodable {
    var by: String
    var commit: String
    var date: String
  }

  var budget: String
  var metric: String
  var environment: String
  var history: [Line]

  init(_ report: BlameReport) {
    budget = report.budget
    metric = report.metric
    environment = report.environment
    history = report.lines.map { line in
      Line(
        commit: line.commit.id.hex, date: TimeText.iso(line.commit.committed),
        author: line.commit.author.name,
        authorEmail: line.commit.author.email, rationale: line.rationale,
        approvals: line.approvals.map(\.rawValue),
        lateApprovals: line.lateApprovals.map {
          Late(
            by: $0.by.rawValue, commit: $0.commit.id.hex, date: TimeText.iso($0.commit.committed))
        },
        changes: line.changes.map { ChangeJSON(change: $0) })
    }
  }
}
