import BudgetKit
import Foundation

/// Writes the Prometheus rules of mapped metrics: a threshold alert per cap and per floor, and
/// for `slo` metrics the error ratio recorded over every window the burn-rate rules read, with
/// one multiwindow, multi-burn-rate alert per rule, the windows and factors `check` judges by.
///
/// Domain logic only: no files, no git, no YAML; the rules are values a renderer writes.
public struct PrometheusRuleGenerator: Sendable {
  public var burnRatePolicy: BurnRatePolicy
  /// How long a cap or floor must be crossed before its alert fires; nil fires at once.
  public var thresholdHold: Quantity?
  /// The severity of cap and floor alerts: a breach blocks `check` as a page does.
  public var thresholdSeverity: BurnAlert

  /// Five minutes: long enough that one slow scrape or a brief spike does not page, short
  /// enough that a sustained breach is seen while it matters.
  public static let defaultThresholdHold: Quantity = {
    guard case .success(let hold) = QuantityParser.parse("5m") else {
      preconditionFailure("5m is a duration")
    }
    return hold
  }()

  /// The alert names, one per kind of rule; labels say which budget and metric.
  public static let capAlert = "BudgetCapExceeded"
  public static let floorAlert = "BudgetFloorBreached"
  public static let burnAlert = "ErrorBudgetBurn"

  public init(
    burnRatePolicy: BurnRatePolicy = .sreWorkbook,
    thresholdHold: Quantity? = PrometheusRuleGenerator.defaultThresholdHold,
    thresholdSeverity: BurnAlert = .page
  ) {
    self.burnRatePolicy = burnRatePolicy
    self.thresholdHold = thresholdHold
    self.thresholdSeverity = thresholdSeverity
  }

  /// The name of the series recording the error ratio over a window: `slo:sli_error:ratio_rate5m`.
  public static func errorRatioRecord(window: String) -> String {
    "slo:sli_error:ratio_rate\(window)"
  }

  /// The rules of every source, one group per budget (budgets by name, metrics in the order
  /// given), or every problem that keeps a source from its rules.
  public func rules(for sources: [PrometheusRuleSource]) throws(PrometheusRuleProblems)
    -> PrometheusRuleSet
  {
    var problems: [PrometheusRuleProblem] = []
    var windows: [String] = []
    for window in burnRatePolicy.windows {
      if let text = PrometheusDuration.text(window) {
        windows.append(text)
      } else {
        problems.append(.windowNotExpressible(window.text))
      }
    }
    let hold = thresholdHold.flatMap { ExactValue.base($0) > 0 ? $0 : nil }
    var holdText: String?
    if let hold {
      holdText = PrometheusDuration.text(hold)
      if holdText == nil { problems.append(.windowNotExpressible(hold.text)) }
    }

    var byBudget: [BudgetName: [PrometheusRule]] = [:]
    for source in sources {
      var recordings: [PrometheusRule] = []
      var alerts: [PrometheusRule] = []
      switch source.measure {
      case .threshold(let query, let unit, let max, let min):
        let query = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !query.isEmpty else {
          problems.append(
            .emptyQuery(
              budget: source.budget, metric: source.metric, role: "value",
              location: source.location))
          continue
        }
        for (bound, isCap) in [(max, true), (min, false)] {
          guard let bound else { continue }
          guard let value = Self.value(of: bound, in: unit) else {
            problems.append(
              .unitMismatch(
                budget: source.budget, metric: source.metric, unit: unit?.symbol ?? "",
                family: bound.family, location: source.location))
            break
          }
          alerts.append(
            thresholdAlert(
              source, query: query, bound: bound, value: value, unit: unit, isCap: isCap,
              hold: holdText))
        }
      case .objective(let events, let slo, let window):
        var usable = true
        let role = events.countsGood ? "good" : "bad"
        for (role, query) in [(role, events.counted), ("total", events.total)] {
          if query.text.isEmpty {
            problems.append(
              .emptyQuery(
                budget: source.budget, metric: source.metric, role: role,
                location: source.location))
            usable = false
          } else if !query.isWindowable {
            problems.append(
              .notWindowable(
                budget: source.budget, metric: source.metric, role: role, query: query.text,
                location: source.location))
            usable = false
          }
        }
        guard usable else { continue }
        recordings = windows.map { errorRatioRecording(source, events: events, $0) }
        let errorBudget = 1 - ExactValue.base(slo)
        for rule in burnRatePolicy.rules {
          guard let long = PrometheusDuration.text(rule.long),
            let short = PrometheusDuration.text(rule.short)
          else { continue }
          alerts.append(
            burnAlert(
              source, rule: rule, long: long, short: short, errorBudget: errorBudget, slo: slo,
              window: window))
        }
      }
      byBudget[source.budget, default: []].append(contentsOf: recordings + alerts)
    }
    guard problems.isEmpty else { throw PrometheusRuleProblems(problems) }
    // Recording rules first in each group, so its alerts read this evaluation's ratios.
    let groups = byBudget.keys.sorted().map { budget in
      let rules = byBudget[budget] ?? []
      let recordings = rules.filter { if case .record = $0.kind { true } else { false } }
      let alerts = rules.filter { if case .alert = $0.kind { true } else { false } }
      return PrometheusRuleGroup(name: "bursar-\(budget)", rules: recordings + alerts)
    }
    return PrometheusRuleSet(groups: groups)
  }

  /// A bound in the unit the query measures in: `150ms` for a query in seconds is `0.15`.
  /// Nil when the unit is of another family. Without a unit, the family's base unit.
  public static func value(of bound: Quantity, in unit: QuantityUnit?) -> Decimal? {
    let base = ExactValue.base(bound)
    guard let unit else { return base }
    guard unit.family.unified(with: bound.family) != nil, unit.factor > 0 else { return nil }
    var value = base / unit.factor
    var rounded = Decimal()
    NSDecimalRound(&rounded, &value, 20, .plain)
    return rounded
  }

  // MARK: - Rules

  private func identity(_ source: PrometheusRuleSource) -> [PrometheusRule.Pair] {
    [.init("budget", source.budget.rawValue), .init("metric", source.metric.rawValue)]
  }

  private func labels(_ source: PrometheusRuleSource, severity: BurnAlert) -> [PrometheusRule.Pair]
  {
    identity(source) + [
      .init("dimension", source.dimension.rawValue),
      .init("owners", source.owners.map(\.rawValue).joined(separator: ",")),
      .init("severity", severity.rawValue),
    ]
  }

  private func annotations(
    _ source: PrometheusRuleSource, summary: String, description: String
  ) -> [PrometheusRule.Pair] {
    var pairs: [PrometheusRule.Pair] = [
      .init("summary", summary), .init("description", description),
    ]
    if let runbook = source.runbook { pairs.append(.init("runbook_url", Self.literal(runbook))) }
    return pairs
  }

  private func thresholdAlert(
    _ source: PrometheusRuleSource, query: String, bound: Quantity, value: Decimal,
    unit: QuantityUnit?, isCap: Bool, hold: String?
  ) -> PrometheusRule {
    let name = "\(source.budget)/\(source.metric)"
    let symbol = Self.symbol(of: unit, for: bound.family)
    let measured = "\(value)\(symbol)"
    let limit = bound.text == measured ? bound.text : "\(bound.text) (\(measured) as measured)"
    let side = isCap ? "above its cap" : "below its floor"
    let held = hold.map { " for \($0)" } ?? ""
    return PrometheusRule(
      kind: .alert(isCap ? Self.capAlert : Self.floorAlert),
      expression: "(\(query)) \(isCap ? ">" : "<") \(value)",
      holdFor: hold,
      labels: labels(source, severity: thresholdSeverity),
      annotations: annotations(
        source, summary: "\(name) is \(side) of \(bound.text)",
        description:
          "\(name) measures {{ $value }}\(symbol), \(side) of \(limit)\(held). Owners: \(Self.owners(source))."
      ))
  }

  /// `1 - good / total`, or `bad / total`, over a window.
  private func errorRatioRecording(
    _ source: PrometheusRuleSource, events: PrometheusRuleSource.EventQueries, _ window: String
  ) -> PrometheusRule {
    let counted = events.counted.over(window)
    let total = events.total.over(window)
    let expression =
      events.countsGood
      ? "1 - (\n  (\(counted))\n  /\n  (\(total))\n)"
      : "(\n  (\(counted))\n  /\n  (\(total))\n)"
    return PrometheusRule(
      kind: .record(Self.errorRatioRecord(window: window)), expression: expression,
      labels: identity(source))
  }

  private func burnAlert(
    _ source: PrometheusRuleSource, rule: BurnRateRule, long: String, short: String,
    errorBudget: Decimal, slo: Quantity, window: Quantity
  ) -> PrometheusRule {
    let factor = NumberText.format(rule.factor, significantDigits: 15)
    let selector = "{budget=\"\(source.budget)\", metric=\"\(source.metric)\"}"
    let threshold = "(\(factor) * \(errorBudget))"
    let expression = [long, short].map {
      "(\(Self.errorRatioRecord(window: $0))\(selector) > \(threshold))"
    }.joined(separator: "\nand\n")
    let name = "\(source.budget)/\(source.metric)"
    let budgetText = NumberText.percent(ExactValue.double(errorBudget), significantDigits: 15)
    return PrometheusRule(
      kind: .alert(Self.burnAlert),
      expression: expression,
      labels: labels(source, severity: rule.alert) + [
        .init("burn_rule", "\(rule.long.text)/\(rule.short.text):\(factor)")
      ],
      annotations: annotations(
        source,
        summary: "\(name) is burning its error budget \(factor)× too fast",
        description:
          "\(name) has an error ratio of {{ $value | humanizePercentage }} over \(long), and over \(short) too: above \(factor)× its error budget of \(budgetText) (objective \(slo.text) over \(window.text)). Owners: \(Self.owners(source))."
      ))
  }

  // MARK: - Text

  private static func owners(_ source: PrometheusRuleSource) -> String {
    source.owners.isEmpty ? "none listed" : source.owners.map(\.rawValue).joined(separator: ", ")
  }

  /// The symbol written after a value the query measures: its unit, else the family's base.
  private static func symbol(of unit: QuantityUnit?, for family: UnitFamily) -> String {
    if let unit {
      if case .money = unit.family { return " " + unit.symbol }
      return unit.symbol
    }
    switch family {
    case .duration: return "s"
    case .bytes: return "B"
    case .rate: return "/s"
    case .energy: return "J"
    case .money(let currency): return " " + currency
    case .ratio, .number: return ""
    }
  }

  /// Text Prometheus shows as written: annotations are Go templates, so a `{{` in a runbook
  /// address is escaped rather than run.
  static func literal(_ text: String) -> String {
    text.replacingOccurrences(of: "{{", with: "{{ \"{{\" }}")
  }
}
