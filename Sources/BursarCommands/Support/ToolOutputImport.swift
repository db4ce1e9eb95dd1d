import ArgumentParser
import BudgetKit
import Foundation
import Measurements

/// The `-m` files of `check` and `record`, as the one path both read them: each file's bytes
/// (`NAME=path` names a Prometheus query result), who wrote them (`--from`, else what their
/// content says), the tool's figures, and the measurements a budgets tree's `kind: Import`
/// mappings (or `--mapping`) make of them. Every problem is exit 2, with its place.
struct ToolOutputImport {
  /// Each `-m` as typed.
  var arguments: [String]
  /// `--from` as typed.
  var from: String?
  /// `--mapping` as typed.
  var mapping: String?
  /// What the command could not do, for the last line: `cannot check`, `cannot record`.
  var refusal: String

  /// The names `--from` takes.
  static var toolNames: [String] { ImportTool.allCases.map(\.rawValue) + ["bursar"] }

  func validate() throws {
    if let from, OutputOrigin(name: from) == nil {
      throw ValidationError(
        "--from takes \(Self.toolNames.joined(separator: ", ")), not `\(from)`"
          + (Suggestion.closest(to: from, among: Self.toolNames).map { " (did you mean `\($0)`?)" }
            ?? ""))
    }
    if arguments.filter({ $0 == "-" }).count > 1 {
      throw ValidationError("standard input (`-m -`) can be read once")
    }
  }

  /// Each `-m`, read: `NAME=path` names a query result when `path` is a file and the whole
  /// argument is not.
  func readOutputs() throws -> [ToolOutput] {
    try arguments.map { argument in
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
              + Self.toolNames.joined(separator: "|"))
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

  /// The tool's figures in every output. Each output's bytes are let go once read, so a large
  /// output is not held beside its figures.
  func figures(_ tool: ImportTool, from outputs: inout [ToolOutput]) throws -> [ToolFigure] {
    var figures: [ToolFigure] = []
    for index in outputs.indices {
      do throws(MeasurementsError) {
        figures += try tool.figures(from: outputs[index])
      } catch {
        throw failure(error, in: outputs[index].path)
      }
      outputs[index].bytes = []
    }
    return figures
  }

  /// The measurements the tree's mappings for `tool` (or `--mapping`) make of `figures`, with
  /// the figures none of them names. `budgets` says where the mappings were looked for, for
  /// the message when there is none.
  func measurements(
    _ tool: ImportTool, of figures: [ToolFigure], from outputs: [ToolOutput],
    tree: BudgetTree, budgets: String = "the budgets"
  ) throws -> ImportedMeasurements {
    let mappings: [ImportMapping]
    switch ImportMappingSelection.mappings(for: tool, in: tree, path: mapping) {
    case .success(let found): mappings = found
    case .failure(let failure): throw CommandFailure(Self.sentence(failure, budgets: budgets))
    }
    do throws(MeasurementsError) {
      return try MappingApplication(budgets: tree.budgets).apply(
        mappings, to: figures, path: outputs.map(\.path).joined(separator: ", "))
    } catch {
      throw failure(error, in: mappings.map(\.path).joined(separator: ", "))
    }
  }

  /// One problem is the error itself; several are listed, sorted by place, then counted.
  func failure(_ error: MeasurementsError, in path: String) -> CommandFailure {
    guard error.problems.count > 1 else { return CommandFailure(error.description) }
    for problem in error.problems { Console.error(problem.description) }
    return CommandFailure("\(refusal): \(error.problems.count) problems in \(path)")
  }

  static func sentence(_ failure: ImportMappingSelection.Failure, budgets: String) -> String {
    switch failure {
    case .noMapping(let tool, let others):
      let hint =
        others.isEmpty
        ? "add a `kind: Import` file with `tool: \(tool.rawValue)` under .budgets/ (see docs/measurements.md)"
        : "the mappings there are for other tools: \(others.joined(separator: ", "))"
      return "no import mapping for \(tool.rawValue) in \(budgets); \(hint)"
    case .notFound(let path, let known):
      let list = known.isEmpty ? "there is none" : "they are \(known.joined(separator: ", "))"
      return "--mapping \(path) is not a `kind: Import` file of \(budgets); \(list)"
    case .otherTool(let path, let tool, let wanted):
      return "--mapping \(path) maps \(tool.rawValue) output, not \(wanted.rawValue)"
    }
  }
}
