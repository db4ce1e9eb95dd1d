import BudgetKit
import Foundation

/// One run of measurements recorded against a commit: the figures as `check` reads them (raw
/// samples kept as a `SampleSummary`), where and when they were measured, the tool and format
/// they came from, who recorded them, and an id derived from all of that.
///
/// Its stored form is `RunDocument` (`format: 1`, see docs/json.md).
public struct RecordedRun: Sendable, Equatable {
  /// The version of the stored form this build writes and reads.
  public static let format = 1

  /// Derived from the content (`RunDocument.id(of:)`), so identical runs share it and two
  /// different runs never do.
  public var id: RunID
  /// The full hexadecimal id of the commit the figures measure.
  public var commit: String
  /// When the run was recorded, to the millisecond.
  public var recordedAt: Date
  /// When the figures were measured, when the measurements file says (`at`).
  public var measuredAt: Date?
  /// The environment measured: the one given, else the file's, else production.
  public var environment: EnvironmentName
  public var source: RunSource
  public var recorder: RunRecorder
  public var budgets: [RecordedBudget]
  /// An armored SSH signature (namespace `bursar-run`) over `RunDocument.signedMessage(of:)`.
  public var signature: String?

  public init(
    id: RunID, commit: String, recordedAt: Date, measuredAt: Date?,
    environment: EnvironmentName, source: RunSource, recorder: RunRecorder,
    budgets: [RecordedBudget], signature: String? = nil
  ) {
    self.id = id
    self.commit = commit
    self.recordedAt = recordedAt
    self.measuredAt = measuredAt
    self.environment = environment
    self.source = source
    self.recorder = recorder
    self.budgets = budgets
    self.signature = signature
  }

  /// The run of `measurements`, with its id computed from its content.
  public init(
    measurements: Measurements, commit: String, recordedAt: Date,
    environment: EnvironmentName?, source: RunSource, recorder: RunRecorder
  ) {
    self.init(
      id: RunID(unchecked: ""), commit: commit,
      recordedAt: RunTime.rounded(recordedAt),
      measuredAt: measurements.at.map { RunTime.rounded($0.value) },
      environment: environment ?? measurements.environment?.value ?? .production,
      source: source, recorder: recorder,
      budgets: measurements.budgets.map(RecordedBudget.init(measured:)))
    id = RunDocument.id(of: self)
  }

  /// How many figures the run holds, over all its budgets.
  public var figureCount: Int { budgets.reduce(0) { $0 + $1.figures.count } }
}

/// The figures of one budget in a recorded run, in the order they were written.
public struct RecordedBudget: Sendable, Equatable {
  public var name: BudgetName
  public var figures: [RecordedFigure]

  public init(name: BudgetName, figures: [RecordedFigure]) {
    self.name = name
    self.figures = figures
  }

  init(measured: MeasuredBudget) {
    self.init(
      name: measured.name.value,
      figures: measured.entries.compactMap { entry in
        // `RecordedValue.unrecordable(in:)` names the figures this leaves out; recording
        // refuses a file that has any.
        RecordedValue(entry.value).map { RecordedFigure(metric: entry.name.value, value: $0) }
      })
  }

  public func figure(named metric: MetricName) -> RecordedFigure? {
    figures.first { $0.metric == metric }
  }
}

/// One named figure of a recorded budget.
public struct RecordedFigure: Sendable, Equatable {
  public var metric: MetricName
  public var value: RecordedValue

  public init(metric: MetricName, value: RecordedValue) {
    self.metric = metric
    self.value = value
  }
}

/// What a recorded figure holds: the value as written, the summary of raw samples, or an SLI
/// series as measured.
public enum RecordedValue: Sendable, Equatable {
  case summary(Quantity)
  case samples(SampleSummary)
  case series(RecordedSeries)

  /// The recorded form of a measured value; nil for the figures a run's stored form does not
  /// keep (groups, drift samples, gauge series), which `unrecordable(in:)` names first.
  init?(_ value: MeasuredValue) {
    switch value {
    case .summary(let quantity): self = .summary(quantity.value)
    case .samples(let samples): self = .samples(SampleSummary(samples))
    case .series(let series):
      self = .series(RecordedSeries(bucket: series.bucket, good: series.good, total: series.total))
    case .groups, .drift, .gauge: return nil
    }
  }

  /// The first figure of `measurements` a recorded run cannot keep: values per group, drift
  /// samples or a gauge's timestamped values (`format: 1` stores summaries, raw samples and SLI
  /// series only). Recording refuses such a file rather than leave figures out.
  public static func unrecordable(in measurements: Measurements) -> UnrecordableFigure? {
    for budget in measurements.budgets {
      for entry in budget.entries {
        let kind: UnrecordableFigure.Kind
        switch entry.value {
        case .summary, .samples, .series: continue
        case .groups: kind = .groups
        case .drift: kind = .drift
        case .gauge: kind = .gauge
        }
        return UnrecordableFigure(
          budget: budget.name.value, metric: entry.name.value, kind: kind,
          location: entry.value.location)
      }
    }
    return nil
  }
}

/// Good and total events per bucket of `bucket` seconds, oldest first, as an `SLISeries` holds.
public struct RecordedSeries: Sendable, Equatable {
  public var bucket: Double
  public var good: [Double]
  public var total: [Double]

  public init(bucket: Double, good: [Double], total: [Double]) {
    self.bucket = bucket
    self.good = good
    self.total = total
  }

  /// The series `check` computes error budgets and burn rates from.
  public func series(at location: SourceLocation) -> SLISeries {
    SLISeries(bucket: bucket, good: good, total: total, location: location)
  }
}
