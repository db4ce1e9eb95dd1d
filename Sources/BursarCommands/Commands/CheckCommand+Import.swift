import ArgumentParser
import BudgetKit
import Foundation
import Ledger
import Measurements

/// `bursar check --from TOOL`: a tool's outputs read as they are, turned into measurements by
/// the budgets tree's `kind: Import` mappings (through `ToolOutputImport`, as `record` reads
/// them).
extension CheckCommand {
  var toolImport: ToolOutputImport { input.toolImport(refusal: "cannot check") }

  func runImport(_ tool: ImportTool, outputs: inout [ToolOutput]) throws {
    let figures = try toolImport.figures(tool, from: &outputs)
    let (source, tree) = try loadTree()
    let imported = try toolImport.measurements(tool, of: figures, from: outputs, tree: tree)
    let path = outputs.map(\.path).joined(separator: ", ")
    var report: CheckReport
    let options = try checkOptions()
    let recorded = try recordedReferences(for: tree)
    do throws(CheckProblems) {
      report = try BudgetChecker(tree: tree, options: options).check(
        imported.measurements, recorded: recorded)
    } catch {
      guard error.problems.count > 1 else { throw CommandFailure(error.description) }
      for problem in error.problems { Console.error(problem.description) }
      throw CommandFailure("cannot check: \(error.problems.count) problems in \(path)")
    }
    report.imported = ImportSummary(
      tool: tool, mappings: imported.mappingPaths, unmapped: imported.unmapped)
    report = try againstRecordedRuns(report, tree: tree, source: source, options: options)
    Console.output(render(report, from: source))
    if report.blocks { throw ExitCode(ExitStatus.blocked) }
  }
}
