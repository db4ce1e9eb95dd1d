import BudgetKit
import Foundation

/// What `bursar check` found: a verdict per metric of every measured budget.
public struct CheckReport: Sendable {
  /// The environment judged.
  public var environment: EnvironmentName
  /// The instant that decided which exceptions are in force.
  public var at: Date
  /// The measurements file, as named.
  public var measurementsPath: String
  public var allowMissing: Bool
  public var allowScaleWarnings: Bool
  public var percentileMethod: PercentileMethod
  public var burnRatePolicy: BurnRatePolicy
  /// One result per metric: budgets in the order measured, metrics in the order of the budget.
  public var results: [MetricCheck]
  /// Each dimension's health and their weighted composite, when the Owners file weighs any
  /// dimension: for visibility only, it never changes a verdict or the exit code.
  public var composite: CompositeSummary?
  /// When the figures were a tool's output read through import mappings: which, and what no
  /// mapping named.
  public var imported: ImportSummary? = nil

  public init(
    environment: EnvironmentName, at: Date, measurementsPath: String, options: CheckOptions,
    results: [MetricCheck]
  ) {
    self.environment = environment
    self.at = at
    self.measurementsPath = measurementsPath
    self.allowMissing = options.allowMissing
    self.allowScaleWarnings = options.allowScaleWarnings
    self.percentileMethod = options.percentileMethod
    self.burnRatePolicy = options.burnRatePolicy
    self.results = results
  }

  /// The calendar day (UTC) of `at`, on which exceptions are judged.
  public var day: CalendarDay { CalendarDay(date: at) }

  /// Whether anything blocks: a breach no exception covers, or a missing figure unless allowed.
  public var blocks: Bool { results.contains(where: \.blocks) }

  /// How many figures are on a suspect scale.
  public var scaleWarnings: Int { results.count { $0.scaleWarning != nil } }

  /// How many results have a kind of verdict.
  public func count(_ kind: CheckVerdict.Kind) -> Int {
    results.count { $0.verdict.kind == kind }
  }
}

/// The verdict on one metric, with everything a person needs to act on it.
public struct MetricCheck: Sendable {
  public var budget: BudgetName
  public var metric: MetricName
  public var dimension: DimensionName
  /// The effective bound in the environment checked.
  public var bound: Bound
  /// The figure judged; nil when missing.
  public var figure: MeasuredFigure?
  public var verdict: CheckVerdict
  /// The figure against the effective bound; nil when missing.
  public var evaluation: MetricEvaluation?
  /// The exception in force that covers a breach, and the figure judged against its bound.
  public var coveredBy: ExceptionCover?
  /// Exceptions for this metric and environment that are not in force on the day checked.
  public var inactiveExceptions: [BudgetException]
  /// The teams that own the metric's dimension.
  public var owners: [TeamName]
  /// The dimension's runbook, when the Owners file names one.
  public var runbook: String?
  /// Whether this result makes the check fail.
  public var blocks: Bool
  /// The figure looks to be on another scale than its bound.
  public var scaleWarning: ScaleWarning?
  /// What the later shapes found beside the figure; nil or empty for a plain metric.
  public var shape: ShapeOutcome?

  public init(
    budget: BudgetName, metric: MetricName, dimension: DimensionName, bound: Bound,
    figure: MeasuredFigure?,
    verdict: CheckVerdict, evaluation: MetricEvaluation?,
    coveredBy: ExceptionCover? = nil,
    inactiveExceptions: [BudgetException] = [], owners: [TeamName] = [], runbook: String? = nil,
    blocks: Bool, scaleWarning: ScaleWarning? = nil
  ) {
    self.budget = budget
    self.metric = metric
    self.dimension = dimension
    self.bound = bound
    self.figure = figure
    self.verdict = verdict
    self.evaluation = evaluation
    self.coveredBy = coveredBy
    self.inactiveExceptions = inactiveExceptions
    self.owners = owners
    self.runbook = runbook
    self.blocks = blocks
    self.scaleWarning = scaleWarning
  }
}

/// An exception in force that covers a breach: a recorded deviation.
public struct ExceptionCover: Sendable {
  public var exception: BudgetException
  /// The figure judged against the effective bound with the exception's limits applied.
  public var evaluation: MetricEvaluation

  public init(exception: BudgetException, evaluation: MetricEvaluation) {
    self.exception = exception
    self.evaluation = evaluation
  }
}
