import BudgetKit
import Foundation
import Testing

@testable import Measurements

private func quantity(_ text: String) -> Quantity {
  guard case .success(let value) = QuantityParser.parse(text) else {
    preconditionFailure("\(text) is a quantity")
  }
  return value
}

private func threshold(
  budget: String = "fraud-detector", metric: String = "latency_p95", query: String,
  unit: String? = "s", max: String? = nil, min: String? = nil, runbook: String? = nil
) -> PrometheusRuleSource {
  PrometheusRuleSource(
    budget: BudgetName(budget), metric: MetricName(metric), dimension: DimensionName("latency"),
    owners: [TeamName("sre"), TeamName("ml-eng")], runbook: runbook,
    measure: .threshold(
      query: query, unit: unit.flatMap { QuantityUnit.named($0) }, max: max.map(quantity),
      min: min.map(quantity)),
    location: SourceLocation(path: ".budgets/imports/prometheus.yaml", line: 7, column: 5))
}

private func objective(
  budget: String = "fraud-detector", metric: String = "availability",
  good: String = #"http_requests_total{job="api",code!~"5.."}"#,
  total: String = #"http_requests_total{job="api"}"#, bad: String? = nil, slo: String = "99.9%"
) -> PrometheusRuleSource {
  PrometheusRuleSource(
    budget: BudgetName(budget), metric: MetricName(metric), dimension: DimensionName("latency"),
    owners: [TeamName("sre")], runbook: "https://runbooks.example.com/latency",
    measure: .objective(
      events: bad.map { .init(bad: WindowedQuery($0), total: WindowedQuery(total)) }
        ?? .init(good: WindowedQuery(good), total: WindowedQuery(total)),
      slo: quantity(slo), window: quantity("30d")))
}

private func policy(_ rules: String...) -> BurnRatePolicy {
  BurnRatePolicy(
    rules: rules.map {
      guard case .success(let rule) = BurnRateRule.parse($0) else {
        preconditionFailure("\($0) is a rule")
      }
      return rule
    })
}

@Suite("Prometheus rules from budgets")
struct PrometheusRuleGeneratorTests {
  @Test("a cap in milliseconds becomes seconds when the query measures seconds")
  func capConvertsUnit() throws {
    let set = try PrometheusRuleGenerator().rules(for: [
      threshold(query: "histogram_quantile(0.95, sum by (le) (rate(x_bucket[5m])))", max: "150ms")
    ])
    let rule = try #require(set.groups.first?.rules.first)
    #expect(set.groups.map(\.name) == ["bursar-fraud-detector"])
    #expect(rule.kind == .alert("BudgetCapExceeded"))
    #expect(
      rule.expression == "(histogram_quantile(0.95, sum by (le) (rate(x_bucket[5m])))) > 0.15")
    #expect(rule.holdFor == "5m")
    #expect(rule.label("budget") == "fraud-detector")
    #expect(rule.label("metric") == "latency_p95")
    #expect(rule.label("dimension") == "latency")
    #expect(rule.label("owners") == "sre,ml-eng")
    #expect(rule.label("severity") == "page")
    #expect(rule.annotation("summary") == "fraud-detector/latency_p95 is above its cap of 150ms")
    #expect(
      rule.annotation("description")
        == "fraud-detector/latency_p95 measures {{ $value }}s, above its cap of 150ms (0.15s as measured) for 5m. Owners: sre, ml-eng."
    )
    #expect(rule.annotation("runbook_url") == nil)
  }

  @Test(
    "bounds convert exactly to the query's unit",
    arguments: [
      ("150ms", "s", "0.15"), ("0.2s", "ms", "200"), ("2GiB", "B", "2147483648"),
      ("512MiB", "MiB", "512"), ("1.5GB", "MB", "1500"), ("95%", nil, "0.95"),
      ("0.95", "%", "95"), ("0.40 USD", "USD", "0.4"), ("90/min", "/s", "1.5"),
      ("250us", nil, "0.00025"), ("2Wh", "J", "7200"), ("3", nil, "3"),
    ] as [(String, String?, String)])
  func conversions(bound: String, unit: String?, expected: String) throws {
    let value = PrometheusRuleGenerator.value(
      of: quantity(bound), in: unit.flatMap { QuantityUnit.named($0) })
    #expect(value.map { "\($0)" } == expected)
  }

  @Test("a band gives a cap alert and a floor alert, the floor compared below")
  func band() throws {
    let set = try PrometheusRuleGenerator().rules(for: [
      threshold(
        metric: "prediction_rate", query: "job:predictions:ratio", unit: nil, max: "20%", min: "5%")
    ])
    let rules = try #require(set.groups.first?.rules)
    #expect(rules.map(\.kind) == [.alert("BudgetCapExceeded"), .alert("BudgetFloorBreached")])
    #expect(
      rules.map(\.expression) == [
        "(job:predictions:ratio) > 0.2", "(job:predictions:ratio) < 0.05",
      ])
    #expect(
      rules[1].annotation("summary") == "fraud-detector/prediction_rate is below its floor of 5%")
  }

  @Test("a query in another family than the bound is a problem with the mapping's place")
  func unitMismatch() {
    #expect {
      try PrometheusRuleGenerator().rules(for: [threshold(query: "x", unit: "B", max: "150ms")])
    } throws: { error in
      let problems = (error as? PrometheusRuleProblems)?.problems ?? []
      return problems.count == 1
        && problems[0].description
          == ".budgets/imports/prometheus.yaml:7:5: the query of fraud-detector/latency_p95 measures in `B`, which is not a unit of its bound's family (duration)"
    }
  }

  @Test("no hold fires at once; another hold is written in PromQL's units")
  func hold() throws {
    let immediate = try PrometheusRuleGenerator(thresholdHold: nil).rules(for: [
      threshold(query: "x", max: "1s")
    ])
    #expect(immediate.groups[0].rules[0].holdFor == nil)
    let zero = try PrometheusRuleGenerator(thresholdHold: quantity("0s")).rules(for: [
      threshold(query: "x", max: "1s")
    ])
    #expect(zero.groups[0].rules[0].holdFor == nil)
    let long = try PrometheusRuleGenerator(thresholdHold: quantity("120s")).rules(for: [
      threshold(query: "x", max: "1s")
    ])
    #expect(long.groups[0].rules[0].holdFor == "2m")
  }

  @Test("an slo metric records its error ratio over every window of the default rules")
  func sloRecordings() throws {
    let set = try PrometheusRuleGenerator().rules(for: [objective()])
    let rules = set.groups[0].rules
    let records = rules.compactMap { if case .record(let name) = $0.kind { name } else { nil } }
    #expect(
      records == [
        "slo:sli_error:ratio_rate5m", "slo:sli_error:ratio_rate30m", "slo:sli_error:ratio_rate1h",
        "slo:sli_error:ratio_rate6h", "slo:sli_error:ratio_rate3d",
      ])
    #expect(
      rules[0].expression == """
        1 - (
          (sum(rate(http_requests_total{job="api",code!~"5.."}[5m])))
          /
          (sum(rate(http_requests_total{job="api"}[5m])))
        )
        """)
    #expect(
      rules[0].labels == [.init("budget", "fraud-detector"), .init("metric", "availability")])
    #expect(rules[0].holdFor == nil)
  }

  @Test("each burn-rate rule is an alert over its long and its short window, with its severity")
  func burnAlerts() throws {
    let set = try PrometheusRuleGenerator().rules(for: [objective()])
    let alerts = set.groups[0].rules.filter { $0.kind == .alert("ErrorBudgetBurn") }
    #expect(alerts.count == 3)
    #expect(
      alerts[0].expression == """
        (slo:sli_error:ratio_rate1h{budget="fraud-detector", metric="availability"} > (14.4 * 0.001))
        and
        (slo:sli_error:ratio_rate5m{budget="fraud-detector", metric="availability"} > (14.4 * 0.001))
        """)
    #expect(alerts.map { $0.label("severity") } == ["page", "page", "warn"])
    #expect(alerts.map { $0.label("burn_rule") } == ["1h/5m:14.4", "6h/30m:6", "3d/6h:1"])
    #expect(
      alerts[1].expression.contains(
        "ratio_rate6h{budget=\"fraud-detector\", metric=\"availability\"} > (6 * 0.001)"))
    #expect(
      alerts[2].expression.contains(
        "ratio_rate6h{budget=\"fraud-detector\", metric=\"availability\"} > (1 * 0.001)"))
    #expect(alerts[0].annotation("runbook_url") == "https://runbooks.example.com/latency")
    #expect(
      alerts[0].annotation("description")
        == "fraud-detector/availability has an error ratio of {{ $value | humanizePercentage }} over 1h, and over 5m too: above 14.4× its error budget of 0.1% (objective 99.9% over 30d). Owners: sre."
    )
  }

  @Test("given rules replace the defaults, and their windows are recorded once each")
  func customRules() throws {
    let generator = PrometheusRuleGenerator(
      burnRatePolicy: policy("2h/10m:10:page", "1d/2h:3:warn:50%"))
    let rules = try generator.rules(for: [objective(slo: "99.99%")]).groups[0].rules
    let records = rules.compactMap { if case .record(let name) = $0.kind { name } else { nil } }
    #expect(
      records == [
        "slo:sli_error:ratio_rate10m", "slo:sli_error:ratio_rate2h", "slo:sli_error:ratio_rate1d",
      ])
    let alerts = rules.filter { $0.kind == .alert("ErrorBudgetBurn") }
    #expect(alerts.map { $0.label("severity") } == ["page", "warn"])
    #expect(alerts[0].expression.contains("> (10 * 0.0001)"))
  }

  @Test("a query written with $window gets each window in its place")
  func windowPlaceholder() throws {
    let source = objective(
      good: #"sum(rate(requests_total{ok="true"}[$window]))"#,
      total: "sum(rate(requests_total[$window]))")
    let rules = try PrometheusRuleGenerator(burnRatePolicy: policy("1h/5m:14.4:page"))
      .rules(for: [source]).groups[0].rules
    #expect(rules[0].expression.contains(#"(sum(rate(requests_total{ok="true"}[5m])))"#))
    #expect(rules[1].expression.contains("(sum(rate(requests_total[1h])))"))
  }

  @Test("a query with one range has it replaced by each window")
  func oneRange() throws {
    let source = objective(
      good: #"sum(increase(requests_total{path="[5m]",ok="true"}[5m]))"#,
      total: "sum(increase(requests_total[1h]))")
    let rules = try PrometheusRuleGenerator(burnRatePolicy: policy("6h/30m:6:page"))
      .rules(for: [source]).groups[0].rules
    #expect(
      rules[0].expression.contains(#"(sum(increase(requests_total{path="[5m]",ok="true"}[30m])))"#))
    #expect(rules[0].expression.contains("(sum(increase(requests_total[30m])))"))
    #expect(rules[1].expression.contains("(sum(increase(requests_total[6h])))"))
  }

  @Test("bad events are divided by all events, without `1 -`")
  func badEvents() throws {
    let source = objective(
      total: #"requests_total{job="api"}"#, bad: #"requests_total{job="api",code=~"5.."}"#)
    let rules = try PrometheusRuleGenerator(burnRatePolicy: policy("1h/5m:14.4:page"))
      .rules(for: [source]).groups[0].rules
    #expect(
      rules[0].expression == """
        (
          (sum(rate(requests_total{job="api",code=~"5.."}[5m])))
          /
          (sum(rate(requests_total{job="api"}[5m])))
        )
        """)
  }

  @Test("a query with no one range to set, or none at all, is a problem")
  func notWindowable() {
    #expect {
      try PrometheusRuleGenerator().rules(for: [
        objective(good: "sum(rate(x[5m])) / sum(rate(y[1h]))", total: ""),
        objective(metric: "errors", total: "rate(x[1h:5m])", bad: "x + y"),
      ])
    } throws: { error in
      let text = (error as? PrometheusRuleProblems)?.description ?? ""
      return text
        == """
        the good query of fraud-detector/availability has no range to set: write a series selector, an expression with one range such as [5m], or `$window` where its range goes: `sum(rate(x[5m])) / sum(rate(y[1h]))`
        the total query of fraud-detector/availability is empty
        the bad query of fraud-detector/errors has no range to set: write a series selector, an expression with one range such as [5m], or `$window` where its range goes: `x + y`
        the total query of fraud-detector/errors has no range to set: write a series selector, an expression with one range such as [5m], or `$window` where its range goes: `rate(x[1h:5m])`
        """
    }
  }

  @Test(
    "selectors are told from other expressions",
    arguments: [
      ("http_requests_total", true), (#"http_requests_total{code!~"5..",job="a"}"#, true),
      (#"{__name__="x"}"#, true), ("job:requests:rate5m", true), (#"x{a="}{"}"#, true),
      ("rate(x[5m])", false), ("x + y", false), ("x{a=\"b\"} / y", false), ("5x", false),
      (#"x{a="b}"#, false), ("", false),
    ])
  func selectors(text: String, expected: Bool) {
    #expect(WindowedQuery.isSelector(text) == expected)
  }

  @Test("groups are one per budget, by name; each group's recordings come before its alerts")
  func grouping() throws {
    let set = try PrometheusRuleGenerator(burnRatePolicy: policy("1h/5m:14.4:page")).rules(for: [
      threshold(budget: "zeta", query: "z", max: "1s"),
      objective(budget: "alpha"),
      threshold(budget: "alpha", metric: "latency_p99", query: "a", max: "2s"),
    ])
    #expect(set.groups.map(\.name) == ["bursar-alpha", "bursar-zeta"])
    #expect(
      set.groups[0].rules.map(\.kind) == [
        .record("slo:sli_error:ratio_rate5m"), .record("slo:sli_error:ratio_rate1h"),
        .alert("ErrorBudgetBurn"), .alert("BudgetCapExceeded"),
      ])
    let again = try PrometheusRuleGenerator(burnRatePolicy: policy("1h/5m:14.4:page")).rules(for: [
      threshold(budget: "zeta", query: "z", max: "1s"),
      objective(budget: "alpha"),
      threshold(budget: "alpha", metric: "latency_p99", query: "a", max: "2s"),
    ])
    #expect(again == set)
  }

  @Test("a runbook's template braces are escaped, so Prometheus shows them as written")
  func runbookEscaped() throws {
    let set = try PrometheusRuleGenerator().rules(for: [
      threshold(query: "x", max: "1s", runbook: "https://wiki/{{x}}")
    ])
    #expect(set.groups[0].rules[0].annotation("runbook_url") == #"https://wiki/{{ "{{" }}x}}"#)
  }

  @Test(
    "durations are written in PromQL's largest whole unit",
    arguments: [
      ("5m", "5m"), ("30min", "30m"), ("1h", "1h"), ("90m", "90m"), ("72h", "3d"), ("14d", "2w"),
      ("90s", "90s"), ("1.5s", "1500ms"), ("0.25h", "15m"),
    ])
  func durations(text: String, expected: String) {
    #expect(PrometheusDuration.text(quantity(text)) == expected)
  }

  @Test("a window PromQL cannot write is a problem")
  func inexpressibleWindow() {
    #expect(PrometheusDuration.text(quantity("2000us")) == "2ms")
    #expect(PrometheusDuration.text(quantity("1500us")) == nil)
    #expect(PrometheusDuration.text(quantity("100us")) == nil)
    #expect(throws: PrometheusRuleProblems.self) {
      try PrometheusRuleGenerator(burnRatePolicy: policy("1h/100us:14.4:page")).rules(for: [
        objective()
      ])
    }
  }
}
