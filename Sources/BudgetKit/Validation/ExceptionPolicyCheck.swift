/// Checks an exception against its budget and the rules: it names a real budget, environment and
/// metrics, uses their units, and lasts no longer than allowed; a value it sets that no longer
/// loosens the budget is a warning (`exception-redundant`).
///
/// An exception that expired before `day` is history: it is held to its own form only (checked
/// when its file is read), never to the budget or the rules as they are now, so loosening a
/// budget past an old exception, or removing what it named, leaves the tree valid.
struct ExceptionPolicyCheck {
  /// The budget a name means: the first so named, in path order.
  let budget: (BudgetName) -> Budget?
  /// Every budget name, sorted, for hints; asked only when an exception names none of them.
  let budgetNames: () -> [String]
  let rules: Rules
  /// The day the exceptions are judged on: those that expired before it are history.
  let day: CalendarDay
  let collector: DiagnosticCollector

  init(
    budget: @escaping (BudgetName) -> Budget?, budgetNames: @escaping () -> [String],
    rules: Rules, day: CalendarDay, collector: DiagnosticCollector
  ) {
    self.budget = budget
    self.budgetNames = budgetNames
    self.rules = rules
    self.day = day
    self.collector = collector
  }

  /// Checks every exception on its own, then the chains they make together.
  func check(_ exceptions: [BudgetException]) {
    exceptions.forEach(check)
    ExceptionChainCheck(limit: rules.maxExceptionDays, day: day, collector: collector).check(
      exceptions)
  }

  func check(_ exception: BudgetException) {
    guard !exception.hasExpired(on: day) else { return }
    if exception.lengthInDays > rules.maxExceptionDays {
      collector.report(
        .exceptionTooLong, at: exception.expires.location,
        "exception `\(exception.id.value)` lasts \(exception.lengthInDays) days; the rules allow at most \(rules.maxExceptionDays)",
        hint:
          "expire it by \(exception.starts.value.adding(days: rules.maxExceptionDays - 1)) or split the deviation"
      )
    }
    guard let budget = budget(exception.budget.value) else {
      collector.report(
        .unknownBudget, at: exception.budget.location,
        "budget `\(exception.budget.value)` does not exist",
        hint: Suggestion.hint(for: exception.budget.value.rawValue, among: budgetNames()))
      return
    }
    let environment = exception.environment
    guard budget.environmentNames.contains(environment.value) else {
      collector.report(
        .unknownEnvironment, at: environment.location,
        "budget `\(budget.name.value)` has no environment `\(environment.value)`",
        hint: Suggestion.hint(
          for: environment.value.rawValue, among: budget.environmentNames.map(\.rawValue)))
      return
    }
    for metric in exception.metrics {
      check(metric, of: exception, budget: budget)
    }
  }

  private func check(_ metric: MetricOverride, of exception: BudgetException, budget: Budget) {
    let environment = exception.environment.value
    guard let bound = budget.effectiveBound(of: metric.name.value, in: environment) else {
      collector.report(
        .unknownMetric, at: metric.name.location,
        "budget `\(budget.name.value)` has no metric `\(metric.name.value)`",
        hint: Suggestion.hint(
          for: metric.name.value.rawValue, among: budget.metricOrder.lazy.map(\.rawValue)))
      return
    }
    let what = "metric `\(metric.name.value)` of exception `\(exception.id.value)`"
    for (key, granted) in metric.bound.fields {
      let location = metric.fieldLocations[key] ?? metric.name.location
      guard let current = bound[key] else {
        collector.report(
          .boundShape, at: location,
          "\(what) sets `\(key.rawValue)`, which the budget does not cap in \(environment)")
        continue
      }
      let family = MetricFamilyCheck(collector: collector)
      let inMetricFamily: Set<BoundKey> = [.max, .min, .maxDifference]
      if inMetricFamily.contains(key), let evidence = budget.familyEvidence(of: metric.name.value) {
        family.check(granted, key: key, against: evidence, at: location, what: what)
      } else {
        family.check(granted, key: key, against: current, at: location, what: what)
      }
      guard let order = granted.compare(to: current), let largerIsLooser = key.largerIsLooser else {
        continue
      }
      let loosens = largerIsLooser ? order == .orderedDescending : order == .orderedAscending
      if !loosens {
        collector.report(
          .exceptionRedundant, at: location,
          "\(what) grants `\(key.rawValue): \(granted.text)`, which does not loosen the budget's `\(current.text)` in \(environment): it changes nothing",
          hint:
            "remove the setting, or let the exception expire; a change may not create or extend an exception that grants nothing",
          severity: .warning)
      }
    }
  }
}
