import BudgetKit
import Foundation
import Measurements

/// A pull-request comment: a verdict heading, one table of every metric, and the notes of the
/// results that need them (breaches with owners and runbooks, deviations, missing figures).
struct CheckMarkdownRenderer: Renderer {
  var source: String

  func render(_ report: CheckReport) -> String {
    let mark = report.blocks ? "❌" : "✅"
    var lines = [
      "### \(mark) bursar check: \(CheckPresentation.summary(report))", "",
      "Environment `\(report.environment)` on \(report.day); figures from `\(MarkdownTable.cell(report.measurementsPath))`, budgets from \(source).",
      "", "| Budget | Metric | Measured | Limit | Headroom | Verdict |",
      "|---|---|---|---|---:|---|",
    ]
    for result in report.results {
      let cells = [
        result.budget.rawValue, result.metric.rawValue, CheckPresentation.measured(result),
        CheckPresentation.limit(result.bound),
        CheckPresentation.headroom(result.evaluation),
        "\(icon(result)) \(CheckPresentation.verdict(result))",
      ]
      lines.append(MarkdownTable.row(cells))
    }
    // Within results are noted too when something about them needs saying: a suspect scale,
    // or burn-rate rules the series is too short to judge.
    let noted = report.results.filter { result in
      result.verdict != .within || result.scaleWarning != nil
        || !(result.evaluation?.errorBudget?.unjudged.isEmpty ?? true)
        || !CheckPresentation.shapeNotes(result).isEmpty
    }
    if !noted.isEmpty {
      lines += ["", "#### Notes", ""]
      for result in noted {
        lines.append(
          "- **\(result.budget) / \(result.metric)** (\(CheckPresentation.verdict(result)))")
        lines += CheckPresentation.notes(result, day: report.day).map {
          "  - \(MarkdownTable.inline($0))"
        }
      }
    }
    if let composite = CheckPresentation.composite(report) {
      lines += ["", MarkdownTable.inline(composite)]
    }
    if let imported = report.imported {
      let listed = CheckPresentation.importLines(imported)
      lines += ["", "#### Import", "", MarkdownTable.inline(listed[0])]
      if listed.count > 1 {
        lines.append("")
        lines += listed.dropFirst().map { "- \(MarkdownTable.inline(String($0.dropFirst(2))))" }
      }
    }
    return lines.joined(separator: "\n")
  }

  private func icon(_ result: MetricCheck) -> String {
    switch result.verdict {
    case .within: "✅"
    case .excepted: "⚠️"
    case .breached: "❌"
    case .missing: result.blocks ? "❌" : "➖"
    case .insufficient: "➖"
    }
  }

}
