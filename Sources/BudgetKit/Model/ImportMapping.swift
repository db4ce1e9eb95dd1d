/// A reviewed, versioned mapping from one tool's output to budgets (`kind: Import` under
/// `.budgets/`): which figure the tool writes measures which metric of which budget.
///
/// A figure the tool writes that no entry names is listed by `bursar check`, never dropped.
public struct ImportMapping: Sendable {
  /// The file, relative to the repository root.
  public var path: String
  /// The tool whose output the mapping reads.
  public var tool: Located<ImportMappingTool>
  /// The mapped figures, in the order written.
  public var figures: [MappedFigure]

  public init(path: String, tool: Located<ImportMappingTool>, figures: [MappedFigure]) {
    self.path = path
    self.tool = tool
    self.figures = figures
  }
}

/// The tools an import mapping may name (the `tool:` field), by the name `--from` takes.
public enum ImportMappingTool: String, Sendable, CaseIterable, Hashable {
  case locust
  case pytestBenchmark = "pytest-benchmark"
  case prometheus
  case mlflow
  case k6

  /// Whether the tool's outputs are query results the user names on the command line
  /// (`-m NAME=path`) and each mapped figure carries the PromQL that produced it.
  public var readsQueries: Bool { self == .prometheus }
}

/// One entry of `figures:`: the figure(s) a metric of a budget is measured by.
public struct MappedFigure: Sendable {
  /// Where the entry starts (its `-` in the list).
  public var location: SourceLocation
  public var budget: Located<BudgetName>
  public var metric: Located<MetricName>
  /// One figure for a cap or floor (`max`/`min`), or good and total events for an `slo`.
  public var source: MappedSource
  /// The unit of the tool's figure when the tool does not say; it must be of the metric's
  /// unit family (and wins over nothing: a unit the tool states is never overridden).
  public var unit: Located<QuantityUnit>?

  public init(
    location: SourceLocation, budget: Located<BudgetName>, metric: Located<MetricName>,
    source: MappedSource, unit: Located<QuantityUnit>? = nil
  ) {
    self.location = location
    self.budget = budget
    self.metric = metric
    self.source = source
    self.unit = unit
  }

  /// Every selector of the entry: the one figure, or good (or bad) and total.
  public var selectors: [FigureSelector] {
    switch source {
    case .figure(let selector): [selector]
    case .events(let events): [events.counted, events.total]
    }
  }
}

/// Where a mapped metric's figure comes from.
public enum MappedSource: Sendable {
  /// One figure of the tool: a value, samples, or a gauge series judged by its latest point.
  case figure(FigureSelector)
  /// Good (or bad) and total events, for an `slo` metric: numbers (one bucket) or aligned series
  /// (one bucket per point).
  case events(EventSelectors)
}

/// Good or bad events, and total events, of an `slo` metric.
public struct EventSelectors: Sendable {
  /// Whether `counted` selects good events (`good:`) or bad ones (`bad:`, good = total − bad).
  public var countsGood: Bool
  /// The good (or bad) events.
  public var counted: FigureSelector
  public var total: FigureSelector

  public init(countsGood: Bool, counted: FigureSelector, total: FigureSelector) {
    self.countsGood = countsGood
    self.counted = counted
    self.total = total
  }
}

/// Which of a tool's figures an entry means: every field given must match exactly.
public struct FigureSelector: Sendable {
  /// Where the selector is written (the entry, or its `good:`/`bad:`/`total:` mapping).
  public var location: SourceLocation
  /// The tool's name of the thing measured (a Locust request, a benchmark, a metric), exact.
  public var name: Located<String>?
  /// Label equality: each label given must have exactly this value.
  public var labels: [LabelMatch]
  /// The tool's statistic (`95%`, `mean`, `p(95)`, `value`), exact.
  public var statistic: Located<String>?
  /// Prometheus: the PromQL whose result this is, for tools that write rules from it.
  public var query: Located<String>?
  /// Prometheus: the name the result is handed to `bursar check` under (`-m NAME=path`);
  /// nil when one result file is given.
  public var result: Located<String>?

  public init(
    location: SourceLocation, name: Located<String>? = nil,
    labels: [LabelMatch] = [], statistic: Located<String>? = nil,
    query: Located<String>? = nil, result: Located<String>? = nil
  ) {
    self.location = location
    self.name = name
    self.labels = labels
    self.statistic = statistic
    self.query = query
    self.result = result
  }

  /// The labels as plain text, by name.
  public var labelValues: [String: String] {
    Dictionary(
      labels.map { ($0.name.value, $0.value.value) }, uniquingKeysWith: { first, _ in first })
  }
}

/// One `label: value` of a selector's `labels:`.
public struct LabelMatch: Sendable, Hashable {
  public var name: Located<String>
  public var value: Located<String>

  public init(name: Located<String>, value: Located<String>) {
    self.name = name
    self.value = value
  }
}
