import BudgetKit
import Foundation

/// Judges the figures of one recorded run against a budget tree, as `check` would have: the
/// verdict per metric, with the exceptions in force at the run's instant.
///
/// A recorded run may name budgets, metrics or environments the tree does not have (the run
/// is older or newer than the budgets): those figures are left out rather than refused, and a
/// budget whose figures do not fit its metrics any more is left out whole.
public struct RunJudge {
  public var tree: BudgetTree
  public var percentileMethod: PercentileMethod
  /// Where baselines and drift references pinned to recorded runs are read from, so that a
  /// pinned floor is judged as `check` judged it; without, such a metric's figure is judged
  /// without its pinned baseline (what computing figures alone needs).
  public var recorded: (any RecordedRunSource)?
  private let budgets: [BudgetName: Budget]
  private let exceptions: [BudgetName: [BudgetException]]
  /// The tree of one budget alone, made once, when the judge is for that budget's runs.
  private let alone: (name: BudgetName, tree: BudgetTree)?
  /// That budget prepared once per environment it defines: its bounds, exceptions and owners
  /// are worked out once per tree instead of once per run.
  private let prepared: [EnvironmentName: BudgetChecker.PreparedBudget]
  /// The checker of the prepared budget; what it judges does not depend on the run's instant
  /// or environment, which are given with each figure.
  private let checker: BudgetChecker?

  /// `budget` names the one budget most runs will be judged for (`history` of a budget), whose
  /// tree is then made once rather than for every run.
  public init(
    tree: BudgetTree, percentileMethod: PercentileMethod = .linear, budget: BudgetName? = nil
  ) {
    self.tree = tree
    self.percentileMethod = percentileMethod
    let budgets = Dictionary(
      tree.budgets.map { ($0.name.value, $0) }, uniquingKeysWith: { first, _ in first })
    let exceptions = Dictionary(grouping: tree.exceptions) { $0.budget.value }
    self.budgets = budgets
    self.exceptions = exceptions
    self.alone = budget.flatMap { name in
      budgets[name].map { budget in
        (
          name,
          BudgetTree(owners: tree.owners, budgets: [budget], exceptions: exceptions[name] ?? [])
        )
      }
    }
    // A budget that pins a baseline or drift reference to a recorded run is judged through
    // the whole check, which reads the pin from `recorded`; the prepared bounds do not.
    if let alone = self.alone, let budget = budgets[alone.name],
      !budget.metrics.values.contains(where: {
        $0.shape.baselineSource != nil || $0.shape.reference?.value.recorded != nil
      })
    {
      let checker = BudgetChecker(
        tree: alone.tree,
        options: CheckOptions(
          allowMissing: true, allowScaleWarnings: true, percentileMethod: percentileMethod))
      prepared = Dictionary(
        budget.environmentNames.map { ($0, checker.prepare(budget, in: $0)) },
        uniquingKeysWith: { first, _ in first })
      self.checker = checker
    } else {
      prepared = [:]
      checker = nil
    }
  }

  /// The verdicts of a recorded run's figures in its environment at `at`.
  public func judge(
    _ run: RecordedRun, at: Date, budget only: BudgetName? = nil, metric: MetricName? = nil
  ) -> [MetricCheck] {
    // For the one budget the judge was made for, its tree alone: the run's other budgets are
    // not judged, and a large tree is not searched for each run.
    let scope = only != nil && alone?.name == only ? alone!.tree : tree
    // For one metric, only the figures judged are worked out of the run.
    let shown = metric.map(ShownMetric.init)
    return judge(
      run.measurements(for: scope, method: percentileMethod, keeping: shown.map { $0.keeps }),
      environment: run.environment, at: at, budget: only, shown: shown)
  }

  /// The verdicts of the run's figures in `environment` at `at`, for one budget (and metric)
  /// when given; metrics without a figure in the run are left out.
  public func judge(
    _ measurements: Measurements, environment: EnvironmentName, at: Date,
    budget only: BudgetName? = nil, metric: MetricName? = nil
  ) -> [MetricCheck] {
    judge(
      measurements, environment: environment, at: at, budget: only,
      shown: metric.map(ShownMetric.init))
  }

  private func judge(
    _ measurements: Measurements, environment: EnvironmentName, at: Date, budget only: BudgetName?,
    shown: ShownMetric?
  ) -> [MetricCheck] {
    let metric = shown?.name
    var results: [MetricCheck] = []
    for measured in measurements.budgets {
      let name = measured.name.value
      if let only, name != only { continue }
      guard let budget = budgets[name], budget.environmentNames.contains(environment) else {
        continue
      }
      let plan = alone?.name == name ? prepared[environment] : nil
      let samples =
        plan?.sampleNames
        ?? Set(budget.metricOrder.compactMap { SampleStatistic.split($0.rawValue)?.samples })
      let entries = measured.entries.filter { entry in
        if let shown, !shown.keeps(entry.name.value) { return false }
        return budget.metrics[entry.name.value] != nil
          || samples.contains(entry.name.value.rawValue)
      }
      guard !entries.isEmpty else { continue }
      if let plan, let checker {
        // The budget's bounds were worked out for this tree: only the figures are judged.
        guard
          let judged = checker.results(
            of: MeasuredBudget(name: measured.name, entries: entries), prepared: plan, at: at,
            figuresOnly: true)
        else { continue }
        results += judged.filter { $0.figure != nil && (metric == nil || $0.metric == metric) }
        continue
      }
      let single = Measurements(
        path: measurements.path, at: Located(at, at: .start(of: measurements.path)),
        budgets: [MeasuredBudget(name: measured.name, entries: entries)])
      let options = CheckOptions(
        environment: environment, at: at, allowMissing: true, allowScaleWarnings: true,
        percentileMethod: percentileMethod)
      // The checker is handed a tree of this budget alone (with the Owners file and the
      // budget's exceptions): what it judges is the same, and it does not go through every
      // budget of a large tree for each run.
      let alone =
        self.alone?.name == name
        ? self.alone!.tree
        : BudgetTree(owners: tree.owners, budgets: [budget], exceptions: exceptions[name] ?? [])
      // A pin that cannot be read here (its run is not in this clone) leaves the figure
      // judged without it rather than the figure left out.
      let checker = BudgetChecker(tree: alone, options: options)
      guard
        let report = (try? checker.check(single, recorded: recorded, references: .ignored))
          ?? (recorded == nil ? nil : try? checker.check(single, references: .ignored))
      else {
        continue
      }
      results += report.results.filter {
        $0.figure != nil && (metric == nil || $0.metric == metric)
      }
    }
    return results
  }
}

/// The one metric judged, and the raw samples it is a statistic of (`latency` for
/// `latency_p95`): a run's figures of other metrics are neither worked out nor judged.
private struct ShownMetric {
  let name: MetricName
  let samples: String?

  init(_ name: MetricName) {
    self.name = name
    samples = SampleStatistic.split(name.rawValue)?.samples
  }

  func keeps(_ figure: MetricName) -> Bool {
    figure == name || figure.rawValue == samples
  }
}
