import Foundation
import TestSupport
import Testing

/// `bursar export --prometheus-rules` on a real repository, its file checked by promtool and
/// run by a real Prometheus.
@Suite("export --prometheus-rules: rules promtool accepts, alerts that fire")
struct PrometheusRulesEndToEndTests {
  static let budget = """
    version: 1
    kind: Budget
    name: scorer
    owner: ml-eng
    metrics:
      latency_p95:  { dimension: latency,   max: 150ms }
      availability: { dimension: latency,   slo: 99.9%, window: 30d }
      memory:       { dimension: resources, max: 2GiB }
      precision:    { dimension: quality,   min: 0.95 }
    environments:
      staging: { latency_p95: { max: 300ms } }

    """

  /// The Prometheus figures of `scorer`: every metric but `precision`.
  static let mapping = """
    version: 1
    kind: Import
    tool: prometheus
    figures:
      - budget: scorer
        metric: latency_p95
        query: scorer_latency_p95_seconds
        unit: s
      - budget: scorer
        metric: memory
        query: 'max(process_resident_memory_bytes{job="scorer"})'
        unit: B
      - budget: scorer
        metric: availability
        good: { query: 'sum(increase(requests_total{job="scorer",code!~"5.."}[5m]))' }
        total: { query: 'sum(increase(requests_total{job="scorer"}[5m]))' }

    """

  static func repository(mapping: String = mapping) throws -> TemporaryRepository {
    let repository = try TemporaryRepository()
    try repository.write(path: ".budgets/owners.yaml", contents: BudgetFiles.checkOwners)
    try repository.write(path: ".budgets/models/scorer.yaml", contents: budget)
    try repository.write(path: ".budgets/imports/prometheus.yaml", contents: mapping)
    try repository.commit(message: "Budgets and their Prometheus mapping")
    return repository
  }

  /// Exports the rules of `main` to a file, and returns its path and the run.
  static func export(_ repository: TemporaryRepository, _ extra: [String] = []) throws -> (
    String, ProcessResult
  ) {
    let path = repository.absolutePath("rules.yml")
    let result = try BursarCLI.run(
      ["export", "--prometheus-rules", "--rev", "main", "-o", path] + extra, in: repository.path)
    return (path, result)
  }

  @Test("the file passes promtool check rules, and names the metrics it has no query for")
  func promtoolChecks() throws {
    try RequiredTools.require("promtool")
    let repository = try Self.repository()
    let (path, result) = try Self.export(repository)
    #expect(result.status == 0, "\(result.stderrText)")
    #expect(result.stdoutText.isEmpty)
    #expect(
      result.stderrText.contains(
        "warning: 1 metric has no Prometheus query in an import mapping, so no rules: scorer/precision"
      ), "\(result.stderrText)")
    let check = try runProcess("promtool", ["check", "rules", path], cwd: repository.path)
    #expect(check.status == 0, "\(check.stdoutText)\(check.stderrText)")
    // 5 recording rules (one per window), 3 burn-rate alerts, 2 caps.
    #expect(check.stdoutText.contains("SUCCESS: 10 rules found"), "\(check.stdoutText)")
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.contains(#"expr: "(scorer_latency_p95_seconds) > 0.15""#), "\(text)")
    #expect(text.contains(#"> 2147483648""#), "\(text)")
    #expect(text.contains(#"runbook_url: "docs/runbooks/latency.md""#), "\(text)")
    // The same tree gives the same bytes; standard output gives the same file.
    let (_, again) = try Self.export(repository, ["-o", "-"])
    #expect(again.stdoutText == text)
  }

  @Test("without a Prometheus mapping: every metric listed, exit 0, a rules file with no groups")
  func noMapping() throws {
    try RequiredTools.require("promtool")
    let repository = try TemporaryRepository()
    try repository.write(path: ".budgets/owners.yaml", contents: BudgetFiles.checkOwners)
    try repository.write(path: ".budgets/models/scorer.yaml", contents: Self.budget)
    try repository.commit(message: "Budgets")
    let (path, result) = try Self.export(repository)
    #expect(result.status == 0, "\(result.stderrText)")
    #expect(
      result.stderrText.contains(
        "warning: 4 metrics have no Prometheus query in an import mapping, so no rules: scorer/latency_p95, scorer/availability, scorer/memory, scorer/precision"
      ), "\(result.stderrText)")
    #expect(result.stderrText.contains("the rules file has no groups"))
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.hasSuffix("groups: []\n"), "\(text)")
    let check = try runProcess("promtool", ["check", "rules", path], cwd: repository.path)
    #expect(check.status == 0, "\(check.stdoutText)\(check.stderrText)")
  }

  @Test("staging's effective cap is the one written with --env staging")
  func environment() throws {
    let repository = try Self.repository()
    let result = try BursarCLI.run(
      ["export", "--prometheus-rules", "--env", "staging"], in: repository.path)
    #expect(result.status == 0, "\(result.stderrText)")
    #expect(result.stdoutText.contains(#"expr: "(scorer_latency_p95_seconds) > 0.3""#))
    let unknown = try BursarCLI.run(
      ["export", "--prometheus-rules", "--env", "canary"], in: repository.path)
    #expect(unknown.status == 2)
    #expect(unknown.stderrText.contains("environment named 'canary'"), "\(unknown.stderrText)")
  }

  @Test("promtool test rules: the alerts fire above their thresholds and not below")
  func promtoolUnitTests() throws {
    try RequiredTools.require("promtool")
    let repository = try Self.repository()
    let (path, result) = try Self.export(repository)
    #expect(result.status == 0, "\(result.stderrText)")
    let testsPath = repository.absolutePath("rules.test.yml")
    try repository.write(path: "rules.test.yml", contents: Self.promtoolTests(rules: path))
    let run = try runProcess("promtool", ["test", "rules", testsPath], cwd: repository.path)
    #expect(run.status == 0, "\(run.stdoutText)\(run.stderrText)")
    // The same tests fail against rules with a looser cap or a looser burn factor.
    let rules = try String(contentsOfFile: path, encoding: .utf8)
    for (written, looser) in [
      ("(scorer_latency_p95_seconds) > 0.15", "(scorer_latency_p95_seconds) > 0.25"),
      ("> (6 * 0.001)", "> (60 * 0.001)"),
    ] {
      #expect(rules.contains(written))
      try Data(rules.replacingOccurrences(of: written, with: looser).utf8).write(
        to: URL(fileURLWithPath: path))
      let failing = try runProcess("promtool", ["test", "rules", testsPath], cwd: repository.path)
      #expect(failing.status != 0, "\(looser): \(failing.stdoutText)")
    }
  }

  /// promtool unit tests of the exported rules, worked by hand.
  ///
  /// 1,000 good and 20 bad requests a minute give an error ratio of 20 / 1020 = 1.961%, above
  /// 14.4×, 6× and 1× the 0.1% budget: all three burn alerts fire. 1,000 good and 5 bad give
  /// 0.4975%, above 1× (0.1%) and below 6× (0.6%): only the 3d/6h warning fires. 2,000 good
  /// and 1 bad give 0.05%: nothing fires. A p95 of 0.2s against 150ms fires after 5 minutes
  /// above the cap (from minute 3 to 8), and one at the cap (0.15s) never does.
  static func promtoolTests(rules: String) -> String {
    let owners = "budget: scorer, dimension: latency, owners: sre"
    let runbook = #"runbook_url: "docs/runbooks/latency.md""#
    func burnCase(good: Int, bad: Int, firing: [(String, String, String)], ratio: String)
      -> [String]
    {
      var lines = [
        "  - interval: 1m",
        "    input_series:",
        #"      - series: 'requests_total{job="scorer",code="200"}'"#,
        "        values: '0+\(good)x60'",
        #"      - series: 'requests_total{job="scorer",code="500"}'"#,
        "        values: '0+\(bad)x60'",
        "    alert_rule_test:",
        "      - eval_time: 30m",
        "        alertname: ErrorBudgetBurn",
        "        exp_alerts:\(firing.isEmpty ? " []" : "")",
      ]
      for (rule, severity, factor) in firing {
        let windows = rule.split(separator: ":")[0].split(separator: "/")
        lines += [
          "          - exp_labels: { \(owners), metric: availability, severity: \(severity), burn_rule: \"\(rule)\" }",
          "            exp_annotations:",
          "              summary: \"scorer/availability is burning its error budget \(factor)× too fast\"",
          "              description: \"scorer/availability has an error ratio of \(ratio) over \(windows[0]), and over \(windows[1]) too: above \(factor)× its error budget of 0.1% (objective 99.9% over 30d). Owners: sre.\"",
          "              \(runbook)",
        ]
      }
      return lines
    }
    let all = [("1h/5m:14.4", "page", "14.4"), ("6h/30m:6", "page", "6"), ("3d/6h:1", "warn", "1")]
    var lines = [
      "rule_files: [\"\(rules)\"]",
      "evaluation_interval: 1m",
      "tests:",
    ]
    lines += burnCase(good: 1000, bad: 20, firing: all, ratio: "1.961%")
    lines += burnCase(good: 1000, bad: 5, firing: [all[2]], ratio: "0.4975%")
    lines += burnCase(good: 2000, bad: 1, firing: [], ratio: "")
    lines += [
      "  - interval: 1m",
      "    input_series:",
      #"      - series: 'scorer_latency_p95_seconds{instance="a"}'"#,
      "        values: '0.1x2 0.2x10'",
      #"      - series: 'scorer_latency_p95_seconds{instance="b"}'"#,
      "        values: '0.15x12'",
      "    alert_rule_test:",
      "      - eval_time: 7m",
      "        alertname: BudgetCapExceeded",
      "        exp_alerts: []",
      "      - eval_time: 9m",
      "        alertname: BudgetCapExceeded",
      "        exp_alerts:",
      "          - exp_labels: { \(owners), metric: latency_p95, severity: page, instance: a }",
      "            exp_annotations:",
      "              summary: \"scorer/latency_p95 is above its cap of 150ms\"",
      "              description: \"scorer/latency_p95 measures 0.2s, above its cap of 150ms (0.15s as measured) for 5m. Owners: sre.\"",
      "              \(runbook)",
    ]
    return lines.joined(separator: "\n") + "\n"
  }

  @Test("a real Prometheus scraping a gauge above its cap fires the alert")
  func prometheusFires() throws {
    try RequiredTools.require("prometheus", "python3")
    let repository = try Self.repository()
    let (rules, result) = try Self.export(repository, ["--for", "0s"])
    #expect(result.status == 0, "\(result.stderrText)")
    let folder = try TemporaryDirectory(prefix: "bursar-prometheus")
    let exporter = try BackgroundProcess(
      "python3", ["-c", Self.exporterScript], cwd: folder.path,
      log: folder.appending("exporter.log"))
    defer { exporter.stop() }
    let exporterPort = try exporter.firstLine()
    let port = try Self.freePort(in: folder.path)
    let config = try folder.write(
      """
      global: { scrape_interval: 1s, evaluation_interval: 1s }
      rule_files: ["\(rules)"]
      scrape_configs:
        - job_name: scorer
          static_configs: [{ targets: ["127.0.0.1:\(exporterPort)"] }]

      """, to: "prometheus.yml")
    let prometheus = try BackgroundProcess(
      "prometheus",
      [
        "--config.file=\(config)", "--web.listen-address=127.0.0.1:\(port)",
        "--storage.tsdb.path=\(folder.appending("data"))",
      ], cwd: folder.path, log: folder.appending("prometheus.log"))
    defer { prometheus.stop() }
    let alert = try Self.firingAlert(
      port: port, name: "BudgetCapExceeded", metric: "latency_p95", within: 60,
      folder: folder.path)
    #expect(
      alert != nil,
      "no firing alert within 60s; prometheus: \(prometheus.errorText()); exporter: \(exporter.errorText())"
    )
    #expect(alert?["budget"] == "scorer")
    #expect(alert?["severity"] == "page")
    #expect(alert?["owners"] == "sre")
    // The memory gauge is below its cap: its alert is not firing.
    let memory = try Self.firingAlert(
      port: port, name: "BudgetCapExceeded", metric: "memory", within: 0, folder: folder.path)
    #expect(memory == nil)
  }

  @Test("an unknown --burn-rule is refused with exit 2 and says why")
  func badBurnRule() throws {
    let repository = try Self.repository()
    let result = try BursarCLI.run(
      ["export", "--prometheus-rules", "--burn-rule", "1h/5m:fast:page"], in: repository.path)
    #expect(result.status == 2)
    #expect(
      result.stderrText.contains(
        "`1h/5m:fast:page` is not a burn-rate rule: the factor is a positive number such as 14.4"),
      "\(result.stderrText)")
    let hold = try BursarCLI.run(
      ["export", "--prometheus-rules", "--for", "soon"], in: repository.path)
    #expect(hold.status == 2)
    #expect(hold.stderrText.contains("--for takes a duration"), "\(hold.stderrText)")
    let none = try BursarCLI.run(["export"], in: repository.path)
    #expect(none.status == 2)
    #expect(none.stderrText.contains("--prometheus-rules"), "\(none.stderrText)")
  }

  @Test("custom burn rules give their own windows and severities")
  func customBurnRules() throws {
    try RequiredTools.require("promtool")
    let repository = try Self.repository()
    let (path, result) = try Self.export(
      repository, ["--burn-rule", "2h/10m:10:page", "--burn-rule", "1d/2h:2:warn"])
    #expect(result.status == 0, "\(result.stderrText)")
    let text = try String(contentsOfFile: path, encoding: .utf8)
    for record in ["ratio_rate10m", "ratio_rate2h", "ratio_rate1d"] {
      #expect(text.contains("record: \"slo:sli_error:\(record)\""), "\(record)")
    }
    #expect(!text.contains("ratio_rate5m"))
    #expect(text.contains("> (10 * 0.001))"))
    #expect(text.contains(#"burn_rule: "1d/2h:2""#))
    let check = try runProcess("promtool", ["check", "rules", path], cwd: repository.path)
    #expect(check.status == 0, "\(check.stdoutText)\(check.stderrText)")
  }

  @Test("a query that cannot stand for its metric is refused with its place, exit 2")
  func badMapping() throws {
    let twoRanges = Self.mapping.replacingOccurrences(
      of: #"good: { query: 'sum(increase(requests_total{job="scorer",code!~"5.."}[5m]))' }"#,
      with: #"good: { query: 'sum(rate(requests_total{code="200"}[5m])) / 2 + sum(rate(x[1m]))' }"#
    ).replacingOccurrences(
      of: #"total: { query: 'sum(increase(requests_total{job="scorer"}[5m]))' }"#,
      with: #"total: { query: 'vector(1)' }"#)
    #expect(twoRanges != Self.mapping)
    let repository = try Self.repository(mapping: twoRanges)
    let result = try BursarCLI.run(["export", "--prometheus-rules"], in: repository.path)
    #expect(result.status == 2)
    #expect(result.stdoutText.isEmpty)
    #expect(
      result.stderrText.contains(
        ".budgets/imports/prometheus.yaml:13:5: the good query of scorer/availability has no range to set"
      ), "\(result.stderrText)")
    #expect(
      result.stderrText.contains(
        ".budgets/imports/prometheus.yaml:13:5: the total query of scorer/availability has no range to set"
      ), "\(result.stderrText)")
    #expect(
      result.stderrText.contains(
        "bursar: cannot write Prometheus rules: 2 problems in the import mappings"),
      "\(result.stderrText)")
  }

  @Test("a mapping the tree's validation refuses (a byte unit for a latency) exports nothing")
  func invalidMapping() throws {
    let repository = try Self.repository(
      mapping: Self.mapping.replacingOccurrences(of: "unit: s", with: "unit: B"))
    let result = try BursarCLI.run(["export", "--prometheus-rules"], in: repository.path)
    #expect(result.status == 2)
    #expect(result.stdoutText.isEmpty)
    #expect(result.stderrText.contains("error[unit-mismatch]"), "\(result.stderrText)")
    #expect(result.stderrText.contains("nothing was exported"), "\(result.stderrText)")
  }

  // MARK: - Helpers

  /// Serves `/metrics` on a free loopback port, which it prints first: a p95 latency of 0.2s
  /// against the 150ms cap, and a resident memory below 2GiB. It stops by itself after 120s.
  static let exporterScript = #"""
    import http.server, signal, sys
    signal.alarm(120)
    BODY = (b"# TYPE scorer_latency_p95_seconds gauge\nscorer_latency_p95_seconds 0.2\n"
            b"# TYPE process_resident_memory_bytes gauge\nprocess_resident_memory_bytes 1048576\n")
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; version=0.0.4")
            self.send_header("Content-Length", str(len(BODY)))
            self.end_headers()
            self.wfile.write(BODY)
        def log_message(self, *args):
            pass
    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()
    """#

  /// A loopback port nobody listens on now.
  static func freePort(in folder: String) throws -> String {
    let script = """
      import socket
      s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
      """
    let result = try runSucceeding("python3", ["-c", script], cwd: folder)
    return result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// The labels of the firing alert `name` of `metric`, polling `/api/v1/alerts` every half
  /// second for `seconds`; nil when none fires by then.
  static func firingAlert(
    port: String, name: String, metric: String, within seconds: Double, folder: String
  ) throws -> [String: String]? {
    let script = """
      import json, sys, urllib.request
      try:
          body = json.load(urllib.request.urlopen("http://127.0.0.1:\(port)/api/v1/alerts", timeout=2))
      except Exception:
          sys.exit(0)
      for alert in body["data"]["alerts"]:
          labels = alert["labels"]
          if alert["state"] == "firing" and labels.get("alertname") == "\(name)" and labels.get("metric") == "\(metric)":
              print(json.dumps(labels))
              break
      """
    let deadline = Date().addingTimeInterval(seconds)
    repeat {
      let result = try runProcess("python3", ["-c", script], cwd: folder)
      let line = result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
      if !line.isEmpty,
        let labels = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String]
      {
        return labels
      }
      Thread.sleep(forTimeInterval: 0.5)
    } while Date() < deadline
    return nil
  }
}
