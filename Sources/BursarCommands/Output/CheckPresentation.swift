import BudgetKit
import Foundation
import Measurements

/// The words every `check` renderer shares, so that text, Markdown and JUnit say the same thing.
enum CheckPresentation {
  /// The results grouped by budget, budgets in the order first measured.
  static func byBudget(_ results: [MetricCheck]) -> [(budget: BudgetName, results: [MetricCheck])] {
    var order: [BudgetName] = []
    var groups: [BudgetName: [MetricCheck]] = [:]
    for result in results {
      if groups[result.budget] == nil { order.append(result.budget) }
      groups[result.budget, default: []].append(result)
    }
    return order.map { ($0, groups[$0] ?? []) }
  }

  /// `max 100ms`, `min 0.95`, `min 1% max 3%`, `slo 99.9% over 30d`.
  static func limit(_ bound: Bound) -> String {
    if let slo = bound.slo {
      return "slo \(slo.text)" + (bound.window.map { " over \($0.text)" } ?? "")
    }
    let limits =
      [bound.min.map { "min \($0.text)" }, bound.max.map { "max \($0.text)" }].compactMap {
        $0
      } + shapeLimit(bound)
    let window = bound.window.map { " over \($0.text)" } ?? ""
    return limits.joined(separator: " ") + window
  }

  /// `112ms`, or `—` when missing.
  static func measured(_ result: MetricCheck) -> String {
    result.figure?.text ?? "—"
  }

  /// `-12ms (-12%)`, `50% of the error budget`, or empty when there is nothing to measure.
  static func headroom(_ evaluation: MetricEvaluation?) -> String {
    guard let headroom = evaluation?.headroom else { return "" }
    guard headroom.key != .slo, let relative = headroom.relative else {
      return headroom.absoluteText
    }
    return "\(headroom.absoluteText) (\(NumberText.percent(relative, significantDigits: 3)))"
  }

  /// `within`, `breached`, `excepted EXC-2026-011`, `missing`.
  static func verdict(_ result: MetricCheck) -> String {
    switch result.verdict {
    case .excepted(let id): "excepted \(id)"
    default: result.verdict.name
    }
  }

  /// Why a figure fails under an evaluation, in one sentence; nil when it does not.
  static func reason(_ figure: MeasuredFigure, _ evaluation: MetricEvaluation) -> String? {
    var reasons: [String] = []
    if evaluation.breached, let headroom = evaluation.headroom {
      switch headroom.key {
      case .slo, .window:
        let spent =
          evaluation.errorBudget.map { NumberText.percent($0.spent, significantDigits: 4) } ?? "?"
        reasons.append(
          "SLI \(figure.text) is below the \(headroom.limit.text) objective: \(spent) of the error budget spent"
        )
      default:
        let side = headroom.key.largerIsLooser == false ? "below" : "above"
        let by = QuantityText.format(-headroom.absolute, in: headroom.limit.unit)
        let share =
          headroom.relative.map { " (\(NumberText.percent(-$0, significantDigits: 3)))" } ?? ""
        reasons.append(
          "\(figure.text) is \(side) \(headroom.key.rawValue) \(headroom.limit.text) by \(by)\(share)"
        )
      }
    }
    if let budget = evaluation.errorBudget, budget.alert == .page {
      reasons.append(burning(budget) + ": page")
    }
    return reasons.isEmpty ? nil : reasons.joined(separator: "; ")
  }

  /// `burning 20× over 1h and 20× over 5m (1h/5m above 14.4×)` for the loudest firing rule.
  static func burning(_ budget: ErrorBudget) -> String {
    guard let rule = budget.firing.max(by: { $0.alert < $1.alert }) else { return "not burning" }
    func rate(_ window: Quantity) -> String {
      let value = budget.burnRates.first { $0.window.baseValue == window.baseValue }?.rate ?? 0
      return "\(NumberText.format(value, significantDigits: 3))× over \(window.text)"
    }
    return
      "burning \(rate(rule.long)) and \(rate(rule.short)) (\(rule.long.text)/\(rule.short.text) above \(NumberText.format(rule.factor))×)"
  }

  /// `5m 20× · 30m 20× · 1h 20× · 6h 3.33× · 3d 0.833× (1d of 3d covered)`: how much of each
  /// window the series covers, where it is not all.
  static func burnRates(_ budget: ErrorBudget) -> String {
    budget.burnRates.map {
      let rate = "\($0.window.text) \(NumberText.format($0.rate, significantDigits: 3))×"
      guard $0.coverage < 1 else { return rate }
      return rate + " (\(duration($0.events.covered)) of \($0.window.text) covered)"
    }.joined(separator: " · ")
  }

  /// `6h/30m:6:page not judged: the series covers 10m of 6h (2.78%), less than 90%`.
  static func unjudged(_ budget: ErrorBudget) -> [String] {
    budget.unjudged.map { rule in
      let reading = budget.burnRates.first { $0.window.baseValue == rule.long.baseValue }
      let covered = reading.map { duration($0.events.covered) } ?? "0s"
      let share = NumberText.percent(reading?.coverage ?? 0, significantDigits: 3)
      return
        "\(rule) not judged: the series covers \(covered) of \(rule.long.text) (\(share)), less than \(NumberText.percent(rule.minimumCoverage, significantDigits: 3))"
    }
  }

  /// The most unmapped figures text and Markdown list one by one; JSON lists them all.
  static let unmappedListed = 50

  /// The import's mappings and the figures none of them names, for text and Markdown: one line
  /// per thing measured (name and labels), with its statistics and where the first is written.
  static func importLines(_ imported: ImportSummary) -> [String] {
    let count = imported.unmapped.count
    var lines = [
      "\(imported.tool.rawValue) output read through \(imported.mappings.joined(separator: ", "))"
        + (count == 0
          ? "; every figure is mapped"
          : "; \(count) figure\(count == 1 ? "" : "s") no mapping names:")
    ]
    var order: [String] = []
    var groups: [String: (statistics: [String], location: SourceLocation)] = [:]
    for figure in imported.unmapped {
      var subject = figure
      subject.statistic = ""
      let key = MappingApplication.describe(subject).trimmingCharacters(in: .whitespaces)
      if groups[key] == nil {
        order.append(key)
        groups[key] = ([], figure.location)
      }
      groups[key]!.statistics.append(figure.statistic)
    }
    for key in order.prefix(unmappedListed) {
      let group = groups[key]!
      lines.append("  \(key): \(group.statistics.joined(separator: ", "))  (\(group.location))")
    }
    if order.count > unmappedListed {
      lines.append("  … and \(order.count - unmappedListed) more (all in --format json)")
    }
    return lines
  }

  /// Where the figure comes from, when it is computed: samples or a series.
  static func source(_ figure: MeasuredFigure) -> String? {
    switch figure.source {
    case .summary:
      return nil
    case .samples(let name, let statistic, let method, let count):
      let how = statistic == .mean ? "" : ", \(method.rawValue)"
      return "\(statistic) of \(count) sample\(count == 1 ? "" : "s") of `\(name)`\(how)"
    case .series(let series, let events):
      let buckets = Int((events.covered / series.bucket).rounded())
      return
        "\(NumberText.format(events.good)) good of \(NumberText.format(events.total)) events in \(buckets) bucket\(buckets == 1 ? "" : "s") of \(duration(series.bucket))"
    case .derived:
      return nil
    case .latest(let points, let time):
      return
        "latest of \(points) point\(points == 1 ? "" : "s"), at \(TimeText.utcISO(Date(timeIntervalSince1970: time)))"
    }
  }

  /// The notes a person reads under a result: where the figure comes from, burn rates, the
  /// exception that covers it or those that do not, and for a blocking result who owns it.
  static func notes(_ result: MetricCheck, day: CalendarDay) -> [String] {
    var notes: [String] = []
    if let warning = result.scaleWarning { notes.append("warning: \(warning.message)") }
    if let figure = result.figure, let source = source(figure) { notes.append(source) }
    notes += shapeNotes(result)
    if let budget = result.evaluation?.errorBudget, !budget.burnRates.isEmpty {
      notes.append("burn rates \(burnRates(budget)) → \(budget.alert?.rawValue ?? "ok")")
      notes += unjudged(budget)
    }
    if let figure = result.figure, let evaluation = result.evaluation,
      let reason = reason(figure, evaluation)
    {
      notes.append(reason)
    }
    if let cover = result.coveredBy {
      let (exception, evaluation) = (cover.exception, cover.evaluation)
      let left = headroom(evaluation)
      notes.append(
        "covered by \(exception.id.value) (\(limit(evaluation.bound))\(left.isEmpty ? "" : ", \(left) to spare"), until \(exception.expires.value)): \(exception.reason)"
      )
    }
    for exception in result.inactiveExceptions {
      let state =
        exception.expires.value < day
        ? "expired \(exception.expires.value)" : "starts \(exception.starts.value)"
      notes.append("\(exception.id.value) \(state), so it covers nothing")
    }
    if result.verdict == .missing {
      notes.append(result.blocks ? "no figure measured" : "no figure measured (allowed)")
    }
    if result.blocks { notes.append(contentsOf: owners(result)) }
    return notes
  }

  /// `owners: sre, ml-eng` and `runbook: …`.
  static func owners(_ result: MetricCheck) -> [String] {
    var lines: [String] = []
    if !result.owners.isEmpty {
      lines.append(
        "owners (\(result.dimension)): \(result.owners.map(\.rawValue).joined(separator: ", "))")
    }
    if let runbook = result.runbook { lines.append("runbook: \(runbook)") }
    return lines
  }

  /// `pass: 8 within, 1 excepted` or `fail: 1 breached, 2 missing, …`.
  static func summary(_ report: CheckReport) -> String {
    let kinds: [CheckVerdict.Kind] = [.breached, .missing, .insufficient, .excepted, .within]
    let parts = kinds.compactMap { kind -> String? in
      let count = report.count(kind)
      return count == 0 ? nil : "\(count) \(kind.rawValue)"
    }
    let counts = parts.isEmpty ? "no metrics measured" : parts.joined(separator: ", ")
    let allowed = report.allowMissing && report.count(.missing) > 0 ? " (missing allowed)" : ""
    let warnings = report.scaleWarnings
    let scale =
      warnings == 0
      ? ""
      : "; \(warnings) figure\(warnings == 1 ? "" : "s") on a suspect scale\(report.allowScaleWarnings ? " (allowed)" : "")"
    return "\(report.blocks ? "fail" : "pass"): \(counts)\(allowed)\(scale)"
  }

  /// Seconds as the shortest duration that reads well: `5m`, `1h`, `90s`.
  static func duration(_ seconds: Double) -> String {
    for (unit, size) in [("d", 86_400.0), ("h", 3600), ("m", 60)]
    where seconds >= size && seconds.truncatingRemainder(dividingBy: size) == 0 {
      return "\(Int(seconds / size))\(unit)"
    }
    return "\(NumberText.format(seconds))s"
  }
}
