import BudgetKit
import Foundation
import Ledger
import Measurements

/// `export --history`: one JSON object a line per figure along history (docs/json.md,
/// `export --history`), each carrying its commit, its run and the bound it was judged by, so a
/// line stands alone as a row.
struct HistoryExportRenderer {
  /// The stream and version of the line schema.
  static let stream = ExportStream.history

  /// The line of one figure, without a newline.
  func line(_ line: ExportHistory.Line) -> String {
    let row = line.row
    let result = row.result
    let run = row.run.run
    var exception: String?
    if case .excepted(let id) = result.verdict { exception = id.rawValue }
    let bound = result.bound
    var object = JSONOutput.Object()
    object.string("budget", result.budget.rawValue)
    object.bool("budgets_invalid", row.budgetsInvalid)
    object.string("budgets_tree", line.budgetsTree?.hex)
    object.string("commit", row.commit.id.hex)
    object.string("commit_time", TimeText.utcISO(row.commit.committerTime))
    object.string("dimension", result.dimension.rawValue)
    object.string("environment", row.run.environment.rawValue)
    object.string("exception", exception)
    object.strings("exceptions_in_force", row.exceptionsInForce.map(\.rawValue))
    object.string("export", Self.stream.name)
    object.number("export_format", JSONOutput.Number(Self.stream.format))
    object.string("instant", RunTime.text(row.run.instant))
    object.string("max", bound.max?.text)
    object.number("max_value", bound.max.map { JSONOutput.Number($0.baseValue) })
    object.string("measured", result.figure == nil ? nil : CheckPresentation.measured(result))
    object.string("metric", result.metric.rawValue)
    object.string("min", bound.min?.text)
    object.number("min_value", bound.min.map { JSONOutput.Number($0.baseValue) })
    object.string("recorded_at", RunTime.text(run.recordedAt))
    object.string("recorder_email", run.recorder.email)
    object.string("recorder_name", run.recorder.name)
    object.string("run_id", run.id.rawValue)
    object.string("slo", bound.slo?.text)
    object.number("slo_value", bound.slo.map { JSONOutput.Number($0.baseValue) })
    object.string("unit", result.figure?.unit.symbol)
    object.number("value", result.figure.flatMap { JSONOutput.Number($0.value) })
    object.string("verdict", result.verdict.name)
    object.string("window", bound.window?.text)
    return object.finish()
  }
}
