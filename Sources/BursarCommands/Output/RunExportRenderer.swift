import BudgetKit
import Foundation
import Ledger
import Measurements

/// `export --runs`: one JSON object a line per figure of each run (docs/json.md#export---runs),
/// every line carrying its run's fields so each line stands alone in a table.
struct RunExportRenderer {
  /// The stream and version of the line schema.
  static let stream = ExportStream.runs
  /// The percentiles written for raw samples, read from their histogram.
  static let percentiles: [(key: String, percent: Double)] = [
    ("p50", 50), ("p90", 90), ("p95", 95), ("p99", 99),
  ]

  /// The lines of one run, each ending in a newline.
  func render(_ item: ExportRuns.Item) -> String {
    var text = ""
    let run = item.run
    for budget in run.budgets {
      for figure in budget.figures {
        text += line(item, budget: budget.name, figure: figure) + "\n"
      }
    }
    return text
  }

  private func line(_ item: ExportRuns.Item, budget: BudgetName, figure: RecordedFigure) -> String {
    let run = item.run
    var values = Values()
    switch figure.value {
    case .summary(let quantity):
      values.kind = "summary"
      values.family = Self.family(quantity.family)
      values.value = JSONOutput.Number(quantity.baseValue)
      values.text = quantity.text
    case .samples(let summary):
      values.kind = "samples"
      values.family = Self.family(summary.family)
      values.count = summary.count
      values.min = JSONOutput.Number(summary.minimum)
      values.max = JSONOutput.Number(summary.maximum)
      values.mean = summary.value(of: .mean, method: .linear).flatMap(JSONOutput.Number.init)
      values.value = values.mean
      values.text = summary.unit.symbol
      for (key, percent) in Self.percentiles {
        values.percentiles[key] = summary.value(of: .percentile(percent), method: .linear)
          .flatMap(JSONOutput.Number.init)
      }
    case .series(let series):
      values.kind = "series"
      values.family = "ratio"
      let good = series.good.reduce(0, +)
      let total = series.total.reduce(0, +)
      values.good = JSONOutput.Number(good)
      values.total = JSONOutput.Number(total)
      values.value = total > 0 ? JSONOutput.Number(good / total) : nil
      values.bucketSeconds = JSONOutput.Number(series.bucket)
      values.count = series.total.count
    }
    var object = JSONOutput.Object()
    object.number("bucket_seconds", values.bucketSeconds)
    object.string("budget", budget.rawValue)
    object.string("commit", run.commit)
    object.number("count", values.count.map(JSONOutput.Number.init))
    object.string("environment", run.environment.rawValue)
    object.string("export", Self.stream.name)
    object.number("export_format", JSONOutput.Number(Self.stream.format))
    object.string("family", values.family)
    object.number("good", values.good)
    object.string("kind", values.kind)
    object.number("max", values.max)
    object.number("mean", values.mean)
    object.string("measured_at", run.measuredAt.map(Self.instant))
    object.string("metric", figure.metric.rawValue)
    object.number("min", values.min)
    for (key, _) in Self.percentiles { object.number(key, values.percentiles[key] ?? nil) }
    object.string("recorded_at", Self.instant(run.recordedAt))
    object.string("recorder_email", run.recorder.email)
    object.string("recorder_name", run.recorder.name)
    object.string("run_id", run.id.rawValue)
    object.string("signature", item.signature.word)
    object.string("signer", Self.signer(item.signature))
    object.string("signer_key", Self.signerKey(item.signature))
    object.string("source_file", run.source.file)
    object.string("source_format", run.source.format)
    object.string("source_tool", run.source.tool)
    object.string("text", values.text)
    object.number("total", values.total)
    object.number("value", values.value)
    return object.finish()
  }

  private struct Values {
    var kind = ""
    var family: String?
    var value: JSONOutput.Number?
    var text: String?
    var count: Int?
    var min: JSONOutput.Number?
    var max: JSONOutput.Number?
    var mean: JSONOutput.Number?
    var percentiles: [String: JSONOutput.Number?] = [:]
    var good: JSONOutput.Number?
    var total: JSONOutput.Number?
    var bucketSeconds: JSONOutput.Number?
  }

  /// The family of a figure, as the base unit its numbers are in implies.
  static func family(_ family: UnitFamily) -> String {
    switch family {
    case .money(let currency): "money:\(currency)"
    case .number: "number"
    default: family.description
    }
  }

  static func signer(_ status: RunSignatureStatus) -> String? {
    switch status {
    case .trusted(let principals, _): principals.joined(separator: ",")
    case .untrusted, .unsigned, .invalid: nil
    }
  }

  static func signerKey(_ status: RunSignatureStatus) -> String? {
    switch status {
    case .trusted(_, let fingerprint), .untrusted(let fingerprint): fingerprint
    case .unsigned, .invalid: nil
    }
  }

  static func instant(_ date: Date) -> String { RunTime.text(date) }
}
