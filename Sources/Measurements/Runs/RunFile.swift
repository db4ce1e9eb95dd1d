import BudgetKit
import Foundation

/// The JSON shape of a stored run (`RunDocument`), converted to and from `RecordedRun` with
/// every value checked on the way in.
struct RunFile: Codable {
  var format: Int
  var id: String
  var commit: String
  var recordedAt: String
  var measuredAt: String?
  var environment: String
  var source: Source
  var recorder: Recorder
  var budgets: [Budget]
  var signature: String?

  struct Source: Codable {
    var tool: String
    var format: String
    var file: String
  }

  struct Recorder: Codable {
    var name: String
    var email: String
  }

  struct Budget: Codable {
    var name: String
    var figures: [Figure]
    /// Decoded without its figures: the decoder was asked for another budget only.
    var passedOver = false

    enum CodingKeys: String, CodingKey {
      case name, figures
    }

    init(name: String, figures: [Figure]) {
      self.name = name
      self.figures = figures
    }

    /// With `RunFile.onlyBudget` in the decoder's user info, the figures of every other budget
    /// are left undecoded (the JSON is still checked to be well formed).
    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      name = try container.decode(String.self, forKey: .name)
      if let only = decoder.userInfo[RunFile.onlyBudget] as? String, only != name {
        figures = []
        passedOver = true
      } else {
        figures = try container.decode([Figure].self, forKey: .figures)
      }
    }
  }

  /// The user-info key that names the one budget whose figures are decoded.
  static let onlyBudget = CodingUserInfoKey(rawValue: "bursar.onlyBudget")!

  struct Figure: Codable {
    var metric: String
    /// `summary`, `samples` or `series`.
    var kind: String
    /// A summary's value as written (`112ms`).
    var value: String?
    /// Samples: the unit written, how many, their exact extremes and sum in the base unit.
    var unit: String?
    var count: Int?
    var min: Double?
    var max: Double?
    var sum: Double?
    var histogram: HistogramFile?
    /// A series: the bucket width in seconds, good and total events per bucket.
    var bucketSeconds: Double?
    var good: [Double]?
    var total: [Double]?

    enum CodingKeys: String, CodingKey {
      case metric, kind, value, unit, count, min, max, sum, histogram, good, total
      case bucketSeconds = "bucket_seconds"
    }
  }

  struct HistogramFile: Codable {
    var significantDigits: Int
    var exponent: Int
    /// HdrHistogram's counts-array index of each bucket that holds samples, as the step from
    /// the previous one (the first from 0).
    var buckets: [Int]
    var counts: [UInt64]

    enum CodingKeys: String, CodingKey {
      case exponent, buckets, counts
      case significantDigits = "significant_digits"
    }
  }

  enum CodingKeys: String, CodingKey {
    case format, id, commit, environment, source, recorder, budgets, signature
    case recordedAt = "recorded_at"
    case measuredAt = "measured_at"
  }

  init(_ run: RecordedRun) {
    format = RecordedRun.format
    id = run.id.rawValue
    commit = run.commit
    recordedAt = RunTime.text(run.recordedAt)
    measuredAt = run.measuredAt.map(RunTime.text)
    environment = run.environment.rawValue
    source = Source(tool: run.source.tool, format: run.source.format, file: run.source.file)
    recorder = Recorder(name: run.recorder.name, email: run.recorder.email)
    budgets = run.budgets.map { budget in
      Budget(name: budget.name.rawValue, figures: budget.figures.map(Figure.init))
    }
    signature = run.signature
  }

  func run(file: String) throws(RunDocumentError) -> RecordedRun {
    func fail(_ path: String, _ message: String) -> RunDocumentError {
      RunDocumentError(file: file, jsonPath: path, reason: .malformed(message))
    }
    let runID: RunID
    if id.isEmpty {
      runID = RunID(unchecked: "")
    } else {
      guard let parsed = RunID(id) else {
        throw fail("$.id", "`\(id)` is not a run id (32 lowercase hexadecimal digits)")
      }
      runID = parsed
    }
    guard commit.utf8.count == 40, RunID(String(commit.prefix(32))) != nil,
      RunID(String(commit.suffix(32))) != nil
    else { throw fail("$.commit", "`\(commit)` is not a full commit id (40 hexadecimal digits)") }
    guard let recorded = RunTime.parse(recordedAt) else {
      throw fail(
        "$.recorded_at", "`\(recordedAt)` is not a UTC instant such as 2026-12-01T10:00:00.000Z")
    }
    var measured: Date?
    if let measuredAt {
      guard let parsed = RunTime.parse(measuredAt) else {
        throw fail(
          "$.measured_at", "`\(measuredAt)` is not a UTC instant such as 2026-12-01T10:00:00.000Z")
      }
      measured = parsed
    }
    guard EnvironmentKind.isValid(environment) else {
      throw fail("$.environment", "`\(environment)` is not an environment name")
    }
    var recordedBudgets: [RecordedBudget] = []
    for (index, budget) in budgets.enumerated() where !budget.passedOver {
      let path = "$.budgets[\(index)]"
      guard BudgetKind.isValid(budget.name) else {
        throw fail(path + ".name", "`\(budget.name)` is not a budget name")
      }
      var figures: [RecordedFigure] = []
      for (position, figure) in budget.figures.enumerated() {
        figures.append(try figure.figure(path: "\(path).figures[\(position)]", fail: fail))
      }
      recordedBudgets.append(RecordedBudget(name: BudgetName(budget.name), figures: figures))
    }
    return RecordedRun(
      id: runID, commit: commit, recordedAt: recorded, measuredAt: measured,
      environment: EnvironmentName(environment),
      source: RunSource(tool: source.tool, format: source.format, file: source.file),
      recorder: RunRecorder(name: recorder.name, email: recorder.email),
      budgets: recordedBudgets, signature: signature)
  }

  /// `$.budgets[0].figures[2].histogram` for a decoder's coding path.
  static func jsonPath(_ keys: [any CodingKey]) -> String {
    keys.reduce("$") { path, key in
      if let index = key.intValue { return path + "[\(index)]" }
      return path + "." + key.stringValue
    }
  }

  static func word(for type: Any.Type) -> String {
    switch type {
    case is Int.Type, is UInt64.Type: return "a whole number"
    case is Double.Type: return "a number"
    case is String.Type: return "a string"
    case is [Double].Type, is [UInt64].Type: return "a list of numbers"
    default: return "an object or list"
    }
  }
}

extension RunFile.Figure {
  init(_ figure: RecordedFigure) {
    metric = figure.metric.rawValue
    switch figure.value {
    case .summary(let quantity):
      kind = "summary"
      value = quantity.text
    case .samples(let summary):
      kind = "samples"
      unit = summary.unit.symbol
      count = summary.count
      min = summary.minimum
      max = summary.maximum
      sum = summary.sum
      var previous = 0
      let steps = summary.buckets.map { bucket in
        let index = SampleSummary.bucketIndex(of: bucket.value)
        defer { previous = index }
        return index - previous
      }
      histogram = RunFile.HistogramFile(
        significantDigits: SampleSummary.significantDigits, exponent: summary.exponent,
        buckets: steps, counts: summary.buckets.map(\.count))
    case .series(let series):
      kind = "series"
      bucketSeconds = series.bucket
      good = series.good
      total = series.total
    }
  }

  func figure(path: String, fail: (String, String) -> RunDocumentError) throws(RunDocumentError)
    -> RecordedFigure
  {
    guard MetricKind.isValid(metric) else {
      throw fail(path + ".metric", "`\(metric)` is not a metric name")
    }
    let name = MetricName(metric)
    switch kind {
    case "summary":
      guard let value else { throw fail(path + ".value", "missing") }
      guard case .success(let quantity) = QuantityParser.parse(value) else {
        throw fail(path + ".value", "`\(value)` is not a quantity")
      }
      return RecordedFigure(metric: name, value: .summary(quantity))
    case "samples":
      return RecordedFigure(metric: name, value: .samples(try samples(path: path, fail: fail)))
    case "series":
      guard let bucketSeconds, bucketSeconds > 0, bucketSeconds.isFinite else {
        throw fail(path + ".bucket_seconds", "expected a positive number of seconds")
      }
      guard let good, let total, good.count == total.count, !total.isEmpty else {
        throw fail(path, "expected equal, non-empty lists `good` and `total`")
      }
      for index in total.indices
      where !(good[index] >= 0 && good[index] <= total[index] && total[index].isFinite) {
        throw fail(path + ".good[\(index)]", "good events must be between 0 and the total")
      }
      return RecordedFigure(
        metric: name,
        value: .series(RecordedSeries(bucket: bucketSeconds, good: good, total: total)))
    default:
      throw fail(path + ".kind", "`\(kind)` is not a figure kind (summary, samples or series)")
    }
  }

  private func samples(path: String, fail: (String, String) -> RunDocumentError)
    throws(RunDocumentError) -> SampleSummary
  {
    guard let unit else { throw fail(path + ".unit", "missing") }
    guard let quantityUnit = unit.isEmpty ? QuantityUnit.plain : QuantityUnit.named(unit) else {
      throw fail(path + ".unit", "`\(unit)` is not a unit")
    }
    guard let count, count >= 0 else { throw fail(path + ".count", "expected a count") }
    guard let min, let max, let sum, min.isFinite, max.isFinite, sum.isFinite, min >= 0,
      min <= max
    else { throw fail(path, "expected finite `min` ≤ `max` and a `sum`") }
    guard let histogram else { throw fail(path + ".histogram", "missing") }
    let at = path + ".histogram"
    guard histogram.significantDigits == SampleSummary.significantDigits else {
      throw fail(
        at + ".significant_digits",
        "\(histogram.significantDigits) significant digits; runs keep \(SampleSummary.significantDigits)"
      )
    }
    guard (-300...300).contains(histogram.exponent) else {
      throw fail(at + ".exponent", "exponent \(histogram.exponent) is out of range")
    }
    guard histogram.buckets.count == histogram.counts.count else {
      throw fail(at, "`buckets` and `counts` differ in length")
    }
    var buckets: [SampleSummary.Bucket] = []
    buckets.reserveCapacity(histogram.buckets.count)
    var total: UInt64 = 0
    var index = 0
    for (position, step) in histogram.buckets.enumerated() {
      guard step > 0 || (position == 0 && step == 0), step <= 1 << 20 else {
        throw fail(at + ".buckets[\(position)]", "buckets must ascend")
      }
      index += step
      guard let value = SampleSummary.highestValue(ofBucket: index) else {
        throw fail(at + ".buckets[\(position)]", "bucket \(index) is out of range")
      }
      let (sum, overflow) = total.addingReportingOverflow(histogram.counts[position])
      guard !overflow, histogram.counts[position] > 0 else {
        throw fail(at + ".counts[\(position)]", "counts must be positive")
      }
      total = sum
      buckets.append(SampleSummary.Bucket(value: value, count: histogram.counts[position]))
    }
    guard total == UInt64(count) else {
      throw fail(at + ".counts", "the counts add up to \(total), not to count \(count)")
    }
    return SampleSummary(
      unit: quantityUnit, count: count, minimum: min, maximum: max, sum: sum,
      exponent: histogram.exponent, buckets: buckets)
  }
}
