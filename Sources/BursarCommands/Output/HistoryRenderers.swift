import BudgetKit
import Foundation
import Ledger
import Measurements

/// A block per metric: its sparkline oldest to newest, then a row per figure, newest first.
struct HistoryTextRenderer: Renderer {
  var style = Style()

  func render(_ report: HistoryReport) -> String {
    let series = report.series
    guard !series.isEmpty else {
      let what = [report.budget, report.metric].compactMap { $0 }.joined(separator: " ")
      let scope = what.isEmpty ? "" : " for \(what)"
      let env = report.environment.map { " in \($0)" } ?? ""
      return report.recordedRuns
        ? "No recorded figure\(scope)\(env) on the first-parent history of \(report.range)."
        : "No runs are recorded (refs/bursar/runs is absent); `bursar record` records them."
    }
    var lines: [String] = []
    for item in series {
      let values = item.rowIndices.reversed().compactMap { report.rows[$0].result.figure?.value }
      let count = item.rowIndices.count
      lines.append(
        style.bold("\(item.budget) \(item.metric)") + " (\(item.environment)) "
          + Sparkline.render(values)
          + style.dim("  \(count) run\(count == 1 ? "" : "s"), oldest to newest"))
      let header = ["DATE", "COMMIT", "RUN", "MEASURED", "LIMIT", "VERDICT", "EXCEPTIONS"]
      let rows = item.rowIndices.map { index in
        let row = report.rows[index]
        return [
          String(TimeText.utcISO(row.run.instant).prefix(10)), String(row.commit.id.hex.prefix(7)),
          String(row.run.id.prefix(8)), CheckPresentation.measured(row.result),
          CheckPresentation.limit(row.result.bound) + (row.budgetsInvalid ? " (invalid)" : ""),
          HistoryReport.verdict(row),
          row.exceptionsInForce.isEmpty
            ? "—" : row.exceptionsInForce.map(\.rawValue).joined(separator: ", "),
        ]
      }
      var table = TextTable()
      table.indent = "  "
      table.append(header.map { TextTable.Cell(text: $0, style: style.dim) })
      for cells in rows { table.append(cells.map { TextTable.Cell(text: $0) }) }
      lines += table.lines()
      lines.append("")
    }
    lines.append(
      "\(report.rows.count) figure\(report.rows.count == 1 ? "" : "s") of \(series.count) metric\(series.count == 1 ? "" : "s") on the first-parent history of \(report.range)"
    )
    return lines.joined(separator: "\n")
  }
}

/// One CSV row per figure, newest first, with a header row.
struct HistoryCSVRenderer: Renderer {
  static let header = [
    "commit", "commit_time", "run", "instant", "environment", "budget", "metric", "measured",
    "value", "unit", "max", "min", "slo", "window", "verdict", "exceptions", "budgets_invalid",
  ]

  func render(_ report: HistoryReport) -> String {
    var lines = [CSVWriter.row(Self.header)]
    for row in report.rows {
      let result = row.result
      lines.append(
        CSVWriter.row([
          .text(row.commit.id.hex), .text(HistoryJSON.instant(row.commit.committerTime)),
          .text(row.run.id), .text(HistoryJSON.instant(row.run.instant)),
          .text(row.run.environment.rawValue), .text(result.budget.rawValue),
          .text(result.metric.rawValue), .text(CheckPresentation.measured(result)),
          .number(result.figure.flatMap { JSONOutput.Number($0.value) }?.description ?? ""),
          .text(result.figure?.unit.symbol ?? ""), .text(result.bound.max?.text ?? ""),
          .text(result.bound.min?.text ?? ""), .text(result.bound.slo?.text ?? ""),
          .text(result.bound.window?.text ?? ""), .text(HistoryReport.verdict(row)),
          .text(row.exceptionsInForce.map(\.rawValue).joined(separator: " ")),
          .text(row.budgetsInvalid ? "true" : "false"),
        ]))
    }
    return lines.joined(separator: "\n")
  }
}

/// The `history --format json` document (docs/json.md#history).
struct HistoryJSON: Encodable {
  var range: String
  var budget: String?
  var metric: String?
  var environment: String?
  var figures: [Figure]

  struct Figure: Encodable {
    var commit: String
    var commit_time: String
    var run: String
    var instant: String
    var recorder: String
    var environment: String
    var budget: String
    var metric: String
    var measured: String
    var value: JSONOutput.Number?
    var unit: String
    var limit: CheckJSONRenderer.Limit
    var verdict: String
    var exception: String?
    var exceptions_in_force: [String]
    var budgets_invalid: Bool
  }

  init(_ report: HistoryReport) {
    range = report.range
    budget = report.budget
    metric = report.metric
    environment = report.environment
    figures = report.rows.map(Self.figure)
  }

  /// The document without its figures, which `HistoryJSONWriter` writes one at a time.
  init(heading report: HistoryReport) {
    range = report.range
    budget = report.budget
    metric = report.metric
    environment = report.environment
    figures = []
  }

  /// One row as a figure of the document.
  static func figure(_ row: HistoryRow) -> Figure {
    let result = row.result
    var exception: String?
    if case .excepted(let id) = result.verdict { exception = id.rawValue }
    return Figure(
      commit: row.commit.id.hex, commit_time: Self.instant(row.commit.committerTime),
      run: row.run.id, instant: Self.instant(row.run.instant),
      recorder: row.run.run.recorder.description, environment: row.run.environment.rawValue,
      budget: result.budget.rawValue, metric: result.metric.rawValue,
      measured: CheckPresentation.measured(result),
      value: result.figure.flatMap { JSONOutput.Number($0.value) },
      unit: result.figure?.unit.symbol ?? "", limit: CheckJSONRenderer.Limit(result.bound),
      verdict: result.verdict.name, exception: exception,
      exceptions_in_force: row.exceptionsInForce.map(\.rawValue),
      budgets_invalid: row.budgetsInvalid)
  }

  /// An instant as RFC 3339 in UTC, to the second.
  static func instant(_ date: Date) -> String {
    TimeText.utcISO(date)
  }
}
