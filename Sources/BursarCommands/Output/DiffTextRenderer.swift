import BudgetKit

/// The diff for people: a summary line, then aligned sections per budget, exceptions,
/// approvals and governance, coloured only on a terminal.
struct DiffTextRenderer: Renderer {
  var style = Style()

  func render(_ report: DiffReport) -> String {
    guard !report.changes.isEmpty else {
      return "No budget changes from \(report.from) to \(report.to)."
    }
    var lines = [
      "Budget changes from \(report.from) to \(report.to): \(ChangeText.summary(report.changes))"
    ]
    for group in report.budgetGroups {
      lines += ["", style.bold(group.budget.rawValue) + "  " + style.dim(group.path)]
      var table = TextTable()
      for change in group.changes {
        table.append([
          kindCell(change), TextTable.Cell(text: ChangeText.environment(change) ?? "—"),
          TextTable.Cell(text: change.metric?.rawValue ?? "—"),
          TextTable.Cell(text: change.field.name),
          TextTable.Cell(text: ChangeText.values(change)),
          TextTable.Cell(text: ChangeText.percent(change.relativeChange) ?? ""),
        ])
      }
      lines += table.lines()
    }
    lines += section("Exceptions", report.exceptionChanges) { change in
      [
        TextTable.Cell(text: change.exception?.rawValue ?? ""),
        TextTable.Cell(text: change.budget?.rawValue ?? ""),
        TextTable.Cell(text: ChangeText.environment(change) ?? "—"),
        TextTable.Cell(text: change.metric?.rawValue ?? "—"),
        TextTable.Cell(text: ChangeText.exceptionValues(change)),
        TextTable.Cell(text: ChangeText.until(change) ?? ""),
      ]
    }
    lines += section("Approvals", report.approvalChanges) { change in
      [
        TextTable.Cell(text: change.budget?.rawValue ?? "—"),
        TextTable.Cell(text: ChangeText.approvalNote(change) ?? ""),
      ]
    }
    lines += section("Governance", report.governanceChanges) { change in
      [TextTable.Cell(text: change.field.name), TextTable.Cell(text: ChangeText.values(change))]
    }
    return lines.joined(separator: "\n")
  }

  private func section(
    _ title: String, _ changes: [BudgetChange], cells: (BudgetChange) -> [TextTable.Cell]
  ) -> [String] {
    guard !changes.isEmpty else { return [] }
    var table = TextTable()
    for change in changes { table.append([kindCell(change)] + cells(change)) }
    let paths = Set(changes.map(\.path))
    let heading = paths.count == 1 && title == "Governance" ? "  " + style.dim(paths.first!) : ""
    return ["", style.bold(title) + heading] + table.lines()
  }

  private func kindCell(_ change: BudgetChange) -> TextTable.Cell {
    TextTable.Cell(text: ChangeText.word(change), style: ChangeText.colour(change.kind, style))
  }
}
