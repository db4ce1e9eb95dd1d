import BudgetKit
import Foundation
import Measurements

/// A table per measured budget (metric, measured, limit, headroom, verdict), notes under the
/// rows that need them, and a one-line summary.
struct CheckTextRenderer: Renderer {
  var style = Style()
  /// Where the budgets were read from, for the heading.
  var source: String

  func render(_ report: CheckReport) -> String {
    var lines = [heading(report), ""]
    for (budget, results) in CheckPresentation.byBudget(report.results) {
      lines.append(style.bold(budget.rawValue))
      lines += table(results, day: report.day)
      lines.append("")
    }
    if let imported = report.imported {
      lines += CheckPresentation.importLines(imported).map { style.dim($0) }
      lines.append("")
    }
    if let composite = CheckPresentation.composite(report) { lines += [composite, ""] }
    let summary = CheckPresentation.summary(report)
    lines.append(report.blocks ? style.red(summary) : style.green(summary))
    return lines.joined(separator: "\n")
  }

  private func heading(_ report: CheckReport) -> String {
    "bursar check: \(report.environment) on \(report.day), \(report.measurementsPath) against budgets in \(source)"
  }

  private func table(_ results: [MetricCheck], day: CalendarDay) -> [String] {
    let header = ["METRIC", "MEASURED", "LIMIT", "HEADROOM", "VERDICT"]
    let rows = results.map { result in
      [
        result.metric.rawValue, CheckPresentation.measured(result),
        CheckPresentation.limit(result.bound),
        CheckPresentation.headroom(result.evaluation), CheckPresentation.verdict(result),
      ]
    }
    let widths = header.indices.map { column in
      ([header] + rows).map { $0[column].count }.max() ?? 0
    }
    var lines = ["  " + style.dim(line(header, widths: widths))]
    for (result, row) in zip(results, rows) {
      lines.append(
        "  " + line(row.dropLast(), widths: widths) + colored(row[row.count - 1], result))
      let indent = String(repeating: " ", count: widths[0] + 4)
      lines += CheckPresentation.notes(result, day: day).map { indent + style.dim("↳ ") + $0 }
    }
    return lines
  }

  /// Cells padded to their column's width, two spaces apart.
  private func line(_ cells: some Collection<String>, widths: [Int]) -> String {
    zip(cells, widths).map { cell, width in
      cell + String(repeating: " ", count: max(width - cell.count, 0) + 2)
    }.joined()
      .trimmingTrailingSpaces(if: cells.count == widths.count)
  }

  private func colored(_ verdict: String, _ result: MetricCheck) -> String {
    switch result.verdict {
    case .within: style.green(verdict)
    case .excepted: style.yellow(verdict)
    case .breached: style.red(verdict)
    case .missing: result.blocks ? style.red(verdict) : style.dim(verdict)
    case .insufficient: style.dim(verdict)
    }
  }
}

extension String {
  fileprivate func trimmingTrailingSpaces(if condition: Bool) -> String {
    guard condition else { return self }
    var text = self
    while text.hasSuffix(" ") { text.removeLast() }
    return text
  }
}
