import Measurements
import Testing

@testable import BursarCommands

@Suite struct PrometheusRulesRendererTests {
  @Test("a rules file: header comment, groups in order, one-line values quoted, blocks literal")
  func rendersRulesFile() throws {
    let set = PrometheusRuleSet(groups: [
      PrometheusRuleGroup(
        name: "bursar-api",
        rules: [
          PrometheusRule(
            kind: .record("slo:sli_error:ratio_rate5m"),
            expression: "1 - (\n  (sum(rate(good[5m])))\n  /\n  (sum(rate(total[5m])))\n)",
            labels: [.init("budget", "api"), .init("metric", "availability")]),
          PrometheusRule(
            kind: .alert("BudgetCapExceeded"), expression: #"(x{job="a"}) > 0.15"#,
            holdFor: "5m", labels: [.init("severity", "page"), .init("owners", "sre,ml-eng")],
            annotations: [
              .init("summary", "api/latency is above its cap: 150ms"),
              .init("description", "measures {{ $value }}s, 14.4× \"too\" slow"),
            ]),
        ])
    ])
    let text = try PrometheusRulesRenderer(header: "Generated.\nDo not edit.").render(set)
    #expect(
      text == #"""
        # Generated.
        # Do not edit.
        groups:
        - name: "bursar-api"
          rules:
          - record: "slo:sli_error:ratio_rate5m"
            expr: |-
              1 - (
                (sum(rate(good[5m])))
                /
                (sum(rate(total[5m])))
              )
            labels:
              budget: "api"
              metric: "availability"
          - alert: "BudgetCapExceeded"
            expr: "(x{job=\"a\"}) > 0.15"
            for: "5m"
            labels:
              severity: "page"
              owners: "sre,ml-eng"
            annotations:
              summary: "api/latency is above its cap: 150ms"
              description: "measures {{ $value }}s, 14.4× \"too\" slow"
        """#)
  }

  @Test("no groups is still a rules file")
  func emptySet() throws {
    let text = try PrometheusRulesRenderer(header: "Empty.").render(PrometheusRuleSet(groups: []))
    #expect(text == "# Empty.\ngroups: []")
  }
}
