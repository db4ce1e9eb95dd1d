import BudgetKit
import Foundation
import Ledger

/// What `exceptions` prints.
struct ExceptionsReport {
  var label: String
  var day: CalendarDay
  var records: [ExceptionRecord]
  /// What a filter asked for ("is in force on 2026-12-01"); nil when nothing was filtered.
  var filter: String? = nil
  /// The exceptions the filter left out.
  var others: [ExceptionRecord] = []

  /// What to say when nothing is listed: what the filter found nothing of, and what else exists.
  var emptyText: String {
    guard let filter, !others.isEmpty else { return "No exceptions." }
    var parts: [String] = []
    for status in ExceptionRecord.Status.allCases.sorted(by: { Self.order($0) < Self.order($1) }) {
      let matching = others.filter { $0.status == status }
      guard !matching.isEmpty else { continue }
      let verb = matching.count == 1 ? "is" : "are"
      let named = matching.prefix(3).map { Self.describe($0) }.joined(separator: "; ")
      let more = matching.count > 3 ? "; and \(matching.count - 3) more" : ""
      parts.append("\(matching.count) \(verb) \(status.rawValue) (\(named)\(more))")
    }
    return "No exception \(filter); " + parts.joined(separator: ", ") + "."
  }

  private static func order(_ status: ExceptionRecord.Status) -> Int {
    switch status {
    case .active: 0
    case .upcoming: 1
    case .expired: 2
    case .withdrawn: 3
    }
  }

  private static func describe(_ record: ExceptionRecord) -> String {
    let exception = record.exception
    switch record.status {
    case .active: return "\(exception.id.value), until \(exception.expires.value)"
    case .upcoming: return "\(exception.id.value), from \(exception.starts.value)"
    case .expired: return "\(exception.id.value), ended \(exception.expires.value)"
    case .withdrawn: return "\(exception.id.value)"
    }
  }
}

/// The register for people: one block per exception.
struct ExceptionsTextRenderer: Renderer {
  var style = Style()

  func render(_ report: ExceptionsReport) -> String {
    var lines = ["Exceptions in \(report.label), judged on \(report.day)"]
    if report.records.isEmpty { lines.append(report.emptyText) }
    for record in report.records {
      let exception = record.exception
      lines += [
        "",
        style.bold(exception.id.value.rawValue) + "  " + status(record) + "  "
          + "\(exception.budget.value) in \(exception.environment.value)  "
          + "\(exception.starts.value) → \(exception.expires.value)",
      ]
      var table = TextTable()
      table.indent = "    "
      for metric in exception.metrics {
        let budget = record.budgetBounds[metric.name.value].map(BoundText.describe) ?? "unknown"
        table.append(
          metric.name.value.rawValue, "grants " + BoundText.describe(metric.bound),
          "budget " + budget)
      }
      lines += table.lines()
      lines.append(
        "    reason: \(exception.reason)" + (exception.ticket.map { "  ticket: \($0)" } ?? ""))
      lines.append("    " + style.dim(exception.path))
      for event in record.history {
        lines.append("    " + describe(event))
      }
    }
    return lines.joined(separator: "\n")
  }

  private func status(_ record: ExceptionRecord) -> String {
    switch record.status {
    case .active:
      style.yellow(
        "active, " + (record.daysLeft == 0 ? "last day today" : "ends in \(days(record.daysLeft))"))
    case .upcoming: style.cyan("upcoming")
    case .expired: style.red("expired \(days(-record.daysLeft)) ago")
    case .withdrawn: style.dim("withdrawn")
    }
  }

  private func days(_ count: Int) -> String {
    count == 1 ? "1 day" : "\(count) days"
  }

  private func describe(_ event: ExceptionRecord.Event) -> String {
    let change = event.change
    var text =
      "\(event.action.rawValue) \(TimeText.day(event.commit.committed)) by \(event.commit.author.name) (\(event.commit.id.abbreviated))"
    switch event.action {
    case .created, .withdrawn: break
    case .extended, .shortened, .amended:
      text += ": \(change.field.name) \(ChangeText.values(change))"
    }
    return text
  }
}

/// `exceptions --format json`.
struct ExceptionsJSON: Encodable {
  struct Record: Encodable {
    var id: String
    var budget: String
    var environment: String
    var status: String
    var daysLeft: Int
    var starts: String
    var expires: String
    var reason: String
    var ticket: String?
    var path: String
    var metrics: [Metric]
    var history: [Event]

    enum CodingKeys: String, CodingKey {
      case id, budget, environment, status, starts, expires, reason, ticket, path, metrics, history
      case daysLeft = "days_left"
    }
  }

  struct Metric: Encodable {
    var metric: String
    var granted: String
    var budget: String?
  }

  struct Event: Encodable {
    var action: String
    var commit: String
    var date: String
    var author: String
    var field: String?
    var old: String?
    var new: String?
    var rationale: String
  }

  var at: String
  var day: String
  var exceptions: [Record]

  init(_ report: ExceptionsReport) {
    at = report.label
    day = report.day.description
    exceptions = report.records.map { record in
      let exception = record.exception
      return Record(
        id: exception.id.value.rawValue, budget: exception.budget.value.rawValue,
        environment: exception.environment.value.rawValue, status: record.status.rawValue,
        daysLeft: record.daysLeft, starts: exception.starts.value.description,
        expires: exception.expires.value.description, reason: exception.reason,
        ticket: exception.ticket,
        path: exception.path,
        metrics: exception.metrics.map { metric in
          Metric(
            metric: metric.name.value.rawValue, granted: BoundText.describe(metric.bound),
            budget: record.budgetBounds[metric.name.value].map(BoundText.describe))
        },
        history: record.history.map { event in
          Event(
            action: event.action.rawValue, commit: event.commit.id.hex,
            date: TimeText.iso(event.commit.committed),
            author: event.commit.author.name, field: event.change.field.name,
            old: event.change.oldText, new: event.change.newText, rationale: event.rationale)
        })
    }
  }
}
