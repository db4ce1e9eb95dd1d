import BudgetKit

/// The diff as a pull-request comment: a summary line, then a table per budget with the
/// budgets that loosen first and loosenings first in each table.
///
/// The comment stays under `limit` characters however large the change (GitHub refuses
/// comments over 65,536): what does not fit is counted in a closing line.
struct DiffMarkdownRenderer: Renderer {
  var limit = 60_000

  func render(_ report: DiffReport) -> String {
    var output = BoundedText(limit: limit)
    output.add("### bursar: budget changes\n\n")
    guard !report.changes.isEmpty else {
      output.add("No budget changes from `\(report.from)` to `\(report.to)`.\n")
      return output.text
    }
    let loosenings = report.changes.filter { $0.kind.isLoosening }.count
    let headline =
      loosenings > 0
      ? "⚠️ **\(ChangeText.summary(report.changes))**" : ChangeText.summary(report.changes)
    output.add(
      "\(headline) in \(report.budgetCount == 1 ? "1 budget" : "\(report.budgetCount) budgets") (`\(report.from)` → `\(report.to)`).\n"
    )
    for group in report.budgetGroups {
      let mark = group.loosens ? "⚠️ " : ""
      table(
        "\(mark)`\(group.budget)` (`\(group.path)`)",
        ["change", "environment", "metric", "field", "old", "new", "Δ"],
        group.changes, into: &output
      ) { change in
        [
          ChangeText.environment(change) ?? "—", change.metric?.rawValue ?? "—", change.field.name,
          change.oldText ?? "—",
          change.newText ?? "—", ChangeText.percent(change.relativeChange) ?? "",
        ]
      }
    }
    table(
      "Exceptions",
      ["change", "exception", "budget", "environment", "metric", "against the budget", "until"],
      report.exceptionChanges, into: &output
    ) { change in
      [
        change.exception?.rawValue ?? "", change.budget?.rawValue ?? "",
        ChangeText.environment(change) ?? "—", change.metric?.rawValue ?? "—",
        ChangeText.exceptionValues(change), ChangeText.until(change) ?? "",
      ]
    }
    table("Approvals", ["change", "budget", "approval"], report.approvalChanges, into: &output) {
      change in
      [change.budget?.rawValue ?? "—", ChangeText.approvalNote(change) ?? ""]
    }
    table("Governance", ["change", "field", "old", "new"], report.governanceChanges, into: &output)
    { change in
      [change.field.name, change.oldText ?? "—", change.newText ?? "—"]
    }
    return output.finish(total: report.changes.count)
  }

  private func table(
    _ title: String, _ headers: [String], _ changes: [BudgetChange], into output: inout BoundedText,
    cells: (BudgetChange) -> [String]
  ) {
    guard !changes.isEmpty, !output.isFull else {
      output.skip(changes.count)
      return
    }
    let ordered = changes.enumerated().sorted {
      (ChangeText.rank($0.element.kind), $0.offset) < (ChangeText.rank($1.element.kind), $1.offset)
    }.map(\.element)
    let header = "\n#### \(title)\n\n" + row(headers) + row(headers.map { _ in "---" })
    guard output.add(header, reserve: 400) else {
      output.skip(changes.count)
      return
    }
    for (index, change) in ordered.enumerated() {
      let word =
        change.kind.isLoosening ? "**\(ChangeText.word(change))**" : ChangeText.word(change)
      guard output.add(row([word] + cells(change)), reserve: 400) else {
        output.skip(ordered.count - index)
        return
      }
    }
  }

  private func row(_ cells: [String]) -> String {
    MarkdownTable.row(cells) + "\n"
  }
}
