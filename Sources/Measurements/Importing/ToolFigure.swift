import BudgetKit

/// One figure as a tool wrote it, before an import mapping says which budget and metric it
/// measures: Locust's `95%` of request `POST /score`, pytest-benchmark's `mean` of
/// `test_score`, a Prometheus series with its labels, an MLflow metric, a k6 trend's `p(95)`.
///
/// Importers produce these and nothing else; a mapping (`kind: Import` under `.budgets/`) turns
/// them into `Measurements`. A figure no mapping names is listed, never dropped.
public struct ToolFigure: Sendable {
  /// The tool whose output this is.
  public var tool: ImportTool
  /// What the tool calls the thing measured: a request name, a benchmark, a metric name.
  public var name: String
  /// The tool's labels or tags of the figure (Locust's request `Type`, Prometheus labels,
  /// MLflow's run id, k6 tags), by name.
  public var labels: [String: String]
  /// Which statistic of the thing measured this is, as the tool names it (`95%`, `mean`,
  /// `Failures/s`, `p(95)`, `value`).
  public var statistic: String
  public var value: ToolValue
  /// Where the tool wrote it: `file:line:column` for text outputs, the line of a JSON value.
  public var location: SourceLocation
  /// For a query result handed as `-m NAME=path`, the NAME (a mapping's `result:`).
  public var result: String? = nil

  public init(
    tool: ImportTool, name: String, labels: [String: String] = [:], statistic: String,
    value: ToolValue, location: SourceLocation
  ) {
    self.tool = tool
    self.name = name
    self.labels = labels
    self.statistic = statistic
    self.value = value
    self.location = location
  }
}

/// The tools whose outputs bursar reads as they are.
public enum ImportTool: String, Sendable, CaseIterable, Hashable {
  case locust
  case pytestBenchmark = "pytest-benchmark"
  case prometheus
  case mlflow
  case k6
}

/// What a tool measured: one number, raw samples, or a series of timestamped values.
public enum ToolValue: Sendable {
  /// One number in the unit the tool writes it in, when the tool says (pytest-benchmark's
  /// seconds, Locust's milliseconds); nil when the tool does not, and the mapping must.
  case number(Double, unit: QuantityUnit?)
  /// Raw samples (pytest-benchmark's `data` when saved), in the unit given, or none.
  case samples([Double], unit: QuantityUnit?)
  /// Timestamped values (Locust's stats history, a Prometheus matrix, MLflow's metric history).
  case series(TimeSeries, unit: QuantityUnit?)
}
