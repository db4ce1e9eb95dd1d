import BudgetKit
import Foundation

/// Judges measurements against the effective budgets of one environment, with the exceptions
/// in force applied: the domain of `bursar check`, free of git and of any terminal.
public struct BudgetChecker: Sendable {
  public var tree: BudgetTree
  public var options: CheckOptions

  public init(tree: BudgetTree, options: CheckOptions = CheckOptions()) {
    self.tree = tree
    self.options = options
  }

  /// A verdict for every metric of every measured budget; budgets not measured are not judged.
  ///
  /// Every problem in the measurements is found before any is reported: an unknown name, a
  /// figure that does not fit its metric, each at its place.
  ///
  /// `recorded` is where the runs baselines and drift references name (`{run: <id>}`) are read
  /// from. Without it such a metric is an error (`unresolvedReference`), unless `references`
  /// says to judge it without its recorded figure: what judging a recorded run for its figures
  /// alone (history) needs, never `check`.
  public func check(
    _ measurements: Measurements, recorded: (any RecordedRunSource)? = nil,
    references: UnreadReferences = .refused
  ) throws(CheckProblems) -> CheckReport {
    var problems: [CheckError] = []
    let environment: EnvironmentName?
    do throws(CheckError) {
      environment = try resolveEnvironment(measurements)
    } catch {
      (environment, problems) = (nil, [error])
    }
    let at = options.at ?? measurements.at?.value ?? options.now
    let day = CalendarDay(date: at)
    var results: [MetricCheck] = []
    let budgets = Dictionary(
      tree.budgets.map { ($0.name.value, $0) }, uniquingKeysWith: { first, _ in first })
    for measured in measurements.budgets {
      guard let budget = budgets[measured.name.value] else {
        problems.append(
          .unknownBudget(
            measured.name,
            hint: Suggestion.hint(
              for: measured.name.value.rawValue, among: tree.budgets.map(\.name.value.rawValue))))
        continue
      }
      problems += unusedEntries(measured, by: budget)
      guard let environment else { continue }
      guard budget.environmentNames.contains(environment) else {
        problems.append(
          .environmentNotInBudget(
            environment, budget: measured.name, known: budget.environmentNames))
        continue
      }
      var budgetResults: [MetricCheck] = []
      for metric in budget.metricOrder.compactMap({ budget.metrics[$0] }) {
        do throws(CheckError) {
          let result = try check(
            metric, of: budget, measured: measured, environment: environment, day: day, at: at,
            recorded: recorded, references: references)
          budgetResults.append(withScaleWarning(result))
        } catch {
          problems.append(error)
        }
      }
      results += ShapeSummaries.withPartShares(budgetResults, of: budget)
    }
    guard problems.isEmpty, let environment else { throw CheckProblems(problems) }
    var report = CheckReport(
      environment: environment, at: at, measurementsPath: measurements.path, options: options,
      results: results)
    report.composite = ShapeSummaries.composite(results, owners: tree.owners)
    return report
  }

  /// The option's environment, else the file's, else production; it must be one a budget defines.
  private func resolveEnvironment(_ measurements: Measurements) throws(CheckError)
    -> EnvironmentName
  {
    let environment = options.environment ?? measurements.environment?.value ?? .production
    var known: [EnvironmentName] = [.production]
    for budget in tree.budgets {
      known += budget.environmentOrder.filter { !known.contains($0) }
    }
    guard known.contains(environment) else {
      let location = options.environment == nil ? measurements.environment?.location : nil
      throw .unknownEnvironment(environment, known: known, at: location)
    }
    return environment
  }

  private func check(
    _ metric: Metric, of budget: Budget, measured: MeasuredBudget, environment: EnvironmentName,
    day: CalendarDay, at: Date, recorded: (any RecordedRunSource)?, references: UnreadReferences
  ) throws(CheckError) -> MetricCheck {
    let name = metric.name.value
    var bound = budget.effectiveBound(of: name, in: environment) ?? metric.bound
    if metric.shape.drift != nil, bound[.pValue] == nil {
      // The default floor is shown with the result, as if written.
      bound[.pValue] = ShapeJudge.defaultPValue
    }
    let figures = recorded.map {
      RecordedFigures(runs: $0, tree: tree, percentileMethod: options.percentileMethod)
    }
    if figures == nil, references == .refused {
      let unread =
        bound.baseline == nil
        ? metric.shape.baselineSource.map { ("baseline", $0.value, $0.location) } : nil
      let reference = metric.shape.reference.flatMap { located in
        located.value.recorded.map { ("reference", $0, located.location) }
      }
      if let (field, source, location) = unread ?? reference {
        throw .unresolvedReference(
          metric: name, budget: budget.name.value, field: field, reference: source,
          reason: "the recorded runs were not read", at: location)
      }
    }
    if bound.baseline == nil, let source = metric.shape.baselineSource, let figures {
      do throws(ReferenceProblem) {
        bound.baseline = try figures.baseline(
          source.value, budget: budget.name.value, metric: name, environment: environment)
      } catch {
        throw .unresolvedReference(
          metric: name, budget: budget.name.value, field: "baseline", reference: source.value,
          reason: error.reason, at: source.location)
      }
    }
    var driftReference: SampleSet?
    if let reference = metric.shape.reference, let source = reference.value.recorded, let figures,
      measured.entry(named: name) != nil
    {
      do throws(ReferenceProblem) {
        driftReference = try figures.referenceSample(
          source, budget: budget.name.value, metric: name)
      } catch {
        throw .unresolvedReference(
          metric: name, budget: budget.name.value, field: "reference", reference: source,
          reason: error.reason, at: reference.location)
      }
    }
    return try judge(
      metric, of: budget, bound: bound, measured: measured, environment: environment, day: day,
      at: at, driftReference: driftReference,
      exceptions: tree.exceptions(covering: name, of: budget.name.value, in: environment),
      dimension: tree.owners?.dimensions[metric.dimension.value])
  }

  /// A metric's verdict once its bound (with any recorded baseline) and drift reference are
  /// known: the part of judging a metric that depends on the figure.
  private func judge(
    _ metric: Metric, of budget: Budget, bound: Bound, measured: MeasuredBudget,
    environment: EnvironmentName, day: CalendarDay, at: Date, driftReference: SampleSet?,
    exceptions: [BudgetException], dimension: BudgetKit.Dimension?
  ) throws(CheckError) -> MetricCheck {
    let name = metric.name.value
    let figure: MeasuredFigure?
    var shape = ShapeOutcome()
    var measuredShape = false
    if ShapeJudge.reads(metric, bound: bound) {
      let reading = try ShapeJudge(budget: budget.name.value, at: at).reading(
        for: metric, bound: bound, in: measured, reference: driftReference)
      figure = reading?.figure
      shape = reading?.outcome ?? ShapeOutcome()
      measuredShape = reading != nil
    } else {
      let resolver = FigureResolver(method: options.percentileMethod, budget: budget.name.value)
      figure = try resolver.figure(
        for: metric, bound: ShapeJudge.judgedBound(bound, shape: metric.shape), in: measured)
    }
    shape.relative = ShapeJudge.relative(bound, figure: figure)
    var result = MetricCheck(
      budget: budget.name.value, metric: name, dimension: metric.dimension.value, bound: bound,
      figure: figure,
      verdict: .missing, evaluation: nil,
      inactiveExceptions: exceptions.filter { !$0.isInForce(on: day) },
      owners: dimension?.signOff.teams ?? [], runbook: dimension?.runbook,
      blocks: !options.allowMissing)
    result.shape = shape
    guard let figure else {
      if measuredShape { (result.verdict, result.blocks) = (.insufficient, false) }
      return result
    }
    let evaluate = { (bound: Bound) -> (MetricEvaluation, Bool) in
      let evaluation = MetricEvaluation(
        figure, against: ShapeJudge.judgedBound(bound, shape: metric.shape),
        policy: self.options.burnRatePolicy)
      guard let gap = shape.groupGap,
        let ratio = ShapeJudge.ratioEvaluation(
          gap, bound: bound, policy: self.options.burnRatePolicy, at: figure.location)
      else { return (evaluation, evaluation.fails) }
      return (evaluation, evaluation.fails || ratio.fails)
    }
    let (evaluation, fails) = evaluate(bound)
    result.evaluation = evaluation
    if let gap = shape.groupGap {
      result.shape?.groupGap?.ratioEvaluation = ShapeJudge.ratioEvaluation(
        gap, bound: bound, policy: options.burnRatePolicy, at: figure.location)
    }
    if let period = metric.shape.period?.value, let cap = bound.max {
      result.shape?.period = ShapeJudge.period(period, figure: figure, cap: cap, at: at)
    }
    guard fails else {
      (result.verdict, result.blocks) = (.within, false)
      return result
    }
    let inForce = exceptions.filter { $0.isInForce(on: day) }.sorted { $0.id.value < $1.id.value }
    for exception in inForce {
      guard let override = exception.metrics.first(where: { $0.name.value == name }) else {
        continue
      }
      let relaxedBound = bound.overridden(by: override.bound)
      let (relaxed, relaxedFails) = evaluate(relaxedBound)
      if !relaxedFails {
        if let period = metric.shape.period?.value, let cap = relaxedBound.max {
          result.shape?.period = ShapeJudge.period(period, figure: figure, cap: cap, at: at)
        }
        (result.verdict, result.blocks, result.coveredBy) = (
          .excepted(exception.id.value), false,
          ExceptionCover(exception: exception, evaluation: relaxed)
        )
        return result
      }
    }
    (result.verdict, result.blocks) = (.breached, true)
    return result
  }

  /// The result with the warning its figure's scale calls for, if any; the warning fails the
  /// check unless allowed, whatever the verdict.
  private func withScaleWarning(_ result: MetricCheck) -> MetricCheck {
    if let figure = result.figure, case .derived = figure.source { return result }
    guard let figure = result.figure,
      let warning = ScaleWarning.detect(figure, against: result.bound.resolved)
    else { return result }
    var warned = result
    warned.scaleWarning = warning
    if !options.allowScaleWarnings { warned.blocks = true }
    return warned
  }

  /// Every figure must be a metric of its budget, or samples a metric takes its statistic from;
  /// the others, each named.
  private func unusedEntries(_ measured: MeasuredBudget, by budget: Budget) -> [CheckError] {
    unusedEntries(measured, by: budget, sampleNames: Self.sampleNames(of: budget))
  }

  /// The names of the raw samples a budget's metrics take a statistic of (`latency` for
  /// `latency_p95`).
  static func sampleNames(of budget: Budget) -> Set<String> {
    Set(budget.metricOrder.compactMap { SampleStatistic.split($0.rawValue)?.samples })
  }

  private func unusedEntries(
    _ measured: MeasuredBudget, by budget: Budget, sampleNames: Set<String>
  ) -> [CheckError] {
    var unused: [CheckError] = []
    for entry in measured.entries where budget.metrics[entry.name.value] == nil {
      if case .samples = entry.value, sampleNames.contains(entry.name.value.rawValue) { continue }
      let candidates = budget.metricOrder.map(\.rawValue) + sampleNames.sorted()
      unused.append(
        .unknownMetric(
          entry.name, budget: budget.name.value,
          hint: Suggestion.hint(for: entry.name.value.rawValue, among: candidates)))
    }
    return unused
  }
}

/// What `BudgetChecker` does with a recorded baseline or drift reference when it is given no
/// recorded runs to read it from.
public enum UnreadReferences: Sendable {
  /// An error at the reference: a figure judged without its baseline would pass unjudged.
  case refused
  /// The metric is judged without it: what reading a recorded run's figures alone needs.
  case ignored
}

extension BudgetChecker {
  /// What judging one budget's figures in one environment needs that no figure changes: each
  /// metric's effective bound, the exceptions that cover it and its dimension, worked out once
  /// for the many figures judged against one tree (`history`'s recorded runs).
  public struct PreparedBudget: Sendable {
    public let budget: Budget
    public let environment: EnvironmentName
    /// The names of the raw samples the budget's metrics take a statistic of.
    public let sampleNames: Set<String>
    fileprivate let metrics: [PreparedMetric]
  }

  fileprivate struct PreparedMetric: Sendable {
    let metric: Metric
    /// The raw samples the metric is a statistic of (`latency` for `latency_p95`), if any.
    let samplesName: MetricName?
    let bound: Bound
    let exceptions: [BudgetException]
    let dimension: BudgetKit.Dimension?
  }

  /// A budget of the tree prepared for judging in an environment it defines, without recorded
  /// runs: a baseline or drift reference naming a run is left unread, as with
  /// `check(_:references: .ignored)`.
  public func prepare(_ budget: Budget, in environment: EnvironmentName) -> PreparedBudget {
    let metrics = budget.metricOrder.compactMap { budget.metrics[$0] }.map {
      (metric: Metric) -> PreparedMetric in
      let name = metric.name.value
      var bound = budget.effectiveBound(of: name, in: environment) ?? metric.bound
      if metric.shape.drift != nil, bound[.pValue] == nil {
        bound[.pValue] = ShapeJudge.defaultPValue
      }
      return PreparedMetric(
        metric: metric,
        samplesName: SampleStatistic.split(name.rawValue).map { MetricName($0.samples) },
        bound: bound,
        exceptions: tree.exceptions(covering: name, of: budget.name.value, in: environment),
        dimension: tree.owners?.dimensions[metric.dimension.value])
    }
    return PreparedBudget(
      budget: budget, environment: environment, sampleNames: Self.sampleNames(of: budget),
      metrics: metrics)
  }

  /// The verdicts of one measured budget at `at`, exactly as `check(_:references: .ignored)`
  /// gives them for a measurements document holding that budget alone in the prepared
  /// environment (with `options.at` set), or nil where that check fails (a figure that is no
  /// metric of the budget, or that does not fit its metric).
  ///
  /// With `figuresOnly`, the metrics that `measured` gives no entry for (neither under their
  /// name nor as the samples they are a statistic of) are left out unjudged: their verdict
  /// could only be a figure-less `missing`, which neither fails the check nor enters another
  /// metric's verdict.
  public func results(
    of measured: MeasuredBudget, prepared: PreparedBudget, at: Date, figuresOnly: Bool = false
  ) -> [MetricCheck]? {
    let budget = prepared.budget
    guard unusedEntries(measured, by: budget, sampleNames: prepared.sampleNames).isEmpty else {
      return nil
    }
    let day = CalendarDay(date: at)
    var results: [MetricCheck] = []
    for plan in prepared.metrics {
      if figuresOnly, measured.entry(named: plan.metric.name.value) == nil,
        plan.samplesName.map({ measured.entry(named: $0) == nil }) ?? true
      {
        continue
      }
      do throws(CheckError) {
        let result = try judge(
          plan.metric, of: budget, bound: plan.bound, measured: measured,
          environment: prepared.environment, day: day, at: at, driftReference: nil,
          exceptions: plan.exceptions, dimension: plan.dimension)
        results.append(withScaleWarning(result))
      } catch {
        return nil
      }
    }
    return ShapeSummaries.withPartShares(results, of: budget)
  }
}
