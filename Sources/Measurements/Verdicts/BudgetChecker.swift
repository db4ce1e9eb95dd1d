import BudgetKit

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
  public func check(_ measurements: Measurements) throws(CheckProblems) -> CheckReport {
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
      for metric in budget.metricOrder.compactMap({ budget.metrics[$0] }) {
        do throws(CheckError) {
          let result = try check(
            metric, of: budget, measured: measured, environment: environment, day: day)
          results.append(withScaleWarning(result))
        } catch {
          problems.append(error)
        }
      }
    }
    guard problems.isEmpty, let environment else { throw CheckProblems(problems) }
    return CheckReport(
      environment: environment, at: at, measurementsPath: measurements.path, options: options,
      results: results)
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
    day: CalendarDay
  ) throws(CheckError) -> MetricCheck {
    let name = metric.name.value
    let bound = budget.effectiveBound(of: name, in: environment) ?? metric.bound
    let resolver = FigureResolver(method: options.percentileMethod, budget: budget.name.value)
    let figure = try resolver.figure(for: metric, bound: bound, in: measured)
    let exceptions = tree.exceptions(covering: name, of: budget.name.value, in: environment)
    let dimension = tree.owners?.dimensions[metric.dimension.value]
    var result = MetricCheck(
      budget: budget.name.value, metric: name, dimension: metric.dimension.value, bound: bound,
      figure: figure,
      verdict: .missing, evaluation: nil,
      inactiveExceptions: exceptions.filter { !$0.isInForce(on: day) },
      owners: dimension?.signOff.teams ?? [], runbook: dimension?.runbook,
      blocks: !options.allowMissing)
    guard let figure else { return result }
    let evaluation = MetricEvaluation(figure, against: bound, policy: options.burnRatePolicy)
    result.evaluation = evaluation
    guard evaluation.fails else {
      (result.verdict, result.blocks) = (.within, false)
      return result
    }
    let inForce = exceptions.filter { $0.isInForce(on: day) }.sorted { $0.id.value < $1.id.value }
    for exception in inForce {
      guard let override = exception.metrics.first(where: { $0.name.value == name }) else {
        continue
      }
      let relaxed = MetricEvaluation(
        figure, against: bound.overridden(by: override.bound), policy: options.burnRatePolicy)
      if !relaxed.fails {
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
    guard let figure = result.figure,
      let warning = ScaleWarning.detect(figure, against: result.bound)
    else { return result }
    var warned = result
    warned.scaleWarning = warning
    if !options.allowScaleWarnings { warned.blocks = true }
    return warned
  }

  /// Every figure must be a metric of its budget, or samples a metric takes its statistic from;
  /// the others, each named.
  private func unusedEntries(_ measured: MeasuredBudget, by budget: Budget) -> [CheckError] {
    let sampleNames = Set(
      budget.metricOrder.compactMap { SampleStatistic.split($0.rawValue)?.samples })
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
