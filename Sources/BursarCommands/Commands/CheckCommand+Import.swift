import ArgumentParser
import BudgetKit
import Foundation
import Ledger
import Measurements

/// `bursar check --from TOOL`: a tool's outputs read as they are, turned into measurements by
/// the budgets tree's `kind: Import` mappings.
extension CheckCommand {
  func validateImportOptions() throws {
    if let from, OutputOrigin(name: from) == nil {
      let names = ImportTool.allCases.map(\.rawValue) + ["bursar"]
      throw ValidationError(
        "--from takes \(names.joined(separator: ", ")), not `\(from)`"
          + (Suggestion.closest(to: from, among: names).map { " (did you mean `\($0)`?)" } ?? ""))
    }
    if measurements.filter({ $0 == "-" }).count > 1 {
      throw ValidationError("standard input (`-m -`) can be read once")
    }
  }

  /// Each `-m`, read: `NAME=path` names a query result when `path` is a file and the whole
  /// argument is not.
  func readOutputs() throws -> [ToolOutput] {
    try measurements.map { argument in
      var (name, path): (String?, String) = (nil, argument)
      if let equals = argument.firstIndex(of: "="),
        !FileManager.default.fileExists(atPath: argument)
      {
        let candidate = String(argument[..<equals])
        if !candidate.isEmpty,
          candidate.unicodeScalars.allSatisfy({
            CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "-" || $0 == "."
          })
        {
          (name, path) = (candidate, String(argument[argument.index(after: equals)...]))
        }
      }
      let bytes = try MeasurementsInput(path: path).read()
      return ToolOutput(path: path == "-" ? "<stdin>" : path, name: name, bytes: bytes)
    }
  }

  /// Who wrote the outputs: `--from`, else what their content says (the same for all).
  func origin(of outputs: [ToolOutput]) throws -> OutputOrigin {
    let origin: OutputOrigin
    if let from, let named = OutputOrigin(name: from) {
      origin = named
    } else {
      var found: [OutputOrigin] = []
      for output in outputs {
        do throws(MeasurementsError) {
          found.append(try ToolDetection.detect(output))
        } catch {
          throw CommandFailure(
            error.description + "; say which tool wrote it with --from "
              + (ImportTool.allCases.map(\.rawValue) + ["bursar"]).joined(separator: "|"))
        }
      }
      guard let first = found.first, found.allSatisfy({ $0 == first }) else {
        let named = zip(outputs, found).map { "\($0.path) (\($1.name))" }.joined(separator: ", ")
        throw CommandFailure("the -m files were written by different tools: \(named)")
      }
      origin = first
    }
    if origin == .bursar {
      guard outputs.count == 1, outputs[0].name == nil else {
        throw CommandFailure(
          "bursar's measurements format is read from one -m file; several, or NAME=path, are for --from TOOL"
        )
      }
      if mapping != nil {
        throw CommandFailure(
          "--mapping applies to a tool's output (--from TOOL), not to bursar measurements")
      }
    }
    return origin
  }

  /// Each output's bytes are let go once read, so a large output is not held beside its figures.
  func runImport(_ tool: ImportTool, outputs: inout [ToolOutput]) throws {
    var figures: [ToolFigure] = []
    for index in outputs.indices {
      do throws(MeasurementsError) {
        figures += try tool.figures(from: outputs[index])
      } catch {
        throw Self.failure(error, in: outputs[index].path)
      }
      outputs[index].bytes = []
    }
    let (source, tree) = try loadTree()
    let mappings: [ImportMapping]
    switch ImportMappingSelection.mappings(for: tool, in: tree, path: mapping) {
    case .success(let found): mappings = found
    case .failure(let failure): throw CommandFailure(Self.sentence(failure))
    }
    let path = outputs.map(\.path).joined(separator: ", ")
    let imported: ImportedMeasurements
    do throws(MeasurementsError) {
      imported = try MappingApplication(budgets: tree.budgets).apply(
        mappings, to: figures, path: path)
    } catch {
      throw Self.failure(error, in: mappings.map(\.path).joined(separator: ", "))
    }
    var report: CheckReport
    let options = try checkOptions()
    do throws(CheckProblems) {
      report = try BudgetChecker(tree: tree, options: options).check(imported.measurements)
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

  static func sentence(_ failure: ImportMappingSelection.Failure) -> String {
    switch failure {
    case .noMapping(let tool, let others):
      let hint =
        others.isEmpty
        ? "add a `kind: Import` file with `tool: \(tool.rawValue)` under .budgets/ (see docs/measurements.md)"
        : "the mappings there are for other tools: \(others.joined(separator: ", "))"
      return "no import mapping for \(tool.rawValue) in the budgets; \(hint)"
    case .notFound(let path, let known):
      let list = known.isEmpty ? "there is none" : "they are \(known.joined(separator: ", "))"
      return "--mapping \(path) is not a `kind: Import` file of the budgets; \(list)"
    case .otherTool(let path, let tool, let wanted):
      return "--mapping \(path) maps \(tool.rawValue) output, not \(wanted.rawValue)"
    }
  }
}
