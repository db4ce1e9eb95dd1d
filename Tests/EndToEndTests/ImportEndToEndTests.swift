import Foundation
import TestSupport
import Testing

/// `bursar check --from TOOL` on real temporary repositories: outputs the real tools wrote
/// (committed fixtures, and runs of Locust, pytest-benchmark, MLflow and Prometheus started
/// here on 127.0.0.1), read through a `kind: Import` mapping.
@Suite(.serialized) struct ImportEndToEndTests {
  static let fixtures = BursarCLI.packageRoot + "/Tests/Fixtures/tools"

  static let budget = """
    version: 1
    kind: Budget
    name: scorer
    owner: sre
    metrics:
      latency_p95: { dimension: latency, max: 10s }
      latency_p50: { dimension: latency, max: 50ms }
      availability: { dimension: latency, slo: 99%, window: 1d }
      accuracy: { dimension: quality, min: 0.95 }
    """

  static func repository(mapping: String, file: String = "locust.yaml") throws
    -> (TemporaryRepository, BursarRunner)
  {
    let repository = try TemporaryRepository()
    try repository.write(path: ".budgets/owners.yaml", contents: ImportFiles.owners)
    try repository.write(path: ".budgets/scorer.yaml", contents: budget)
    try repository.write(path: ".budgets/imports/\(file)", contents: mapping)
    _ = try repository.commit(message: "Budgets and the import mapping")
    return (repository, BursarRunner(repository: repository))
  }

  static func json(_ result: ProcessResult) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
  }

  static func measured(_ document: [String: Any], _ metric: String) throws -> (
    value: Double, verdict: String
  ) {
    let results = try #require(document["results"] as? [[String: Any]])
    let result = try #require(results.first { $0["metric"] as? String == metric })
    let measured = try #require(result["measured"] as? [String: Any])
    return (
      try #require((measured["value"] as? NSNumber)?.doubleValue),
      try #require(result["verdict"] as? String)
    )
  }

  // MARK: - Committed fixtures

  /// The fixture's `/score` p95 is 160ms (within 10s), p50 75ms (above 50ms), and Aggregated
  /// holds 17 failures in 221 requests (92.3%, below 99%).
  @Test func locustStatsGiveTheRightVerdicts() throws {
    let (repository, bursar) = try Self.repository(mapping: ImportFiles.locustMapping)
    let stats = Self.fixtures + "/locust_stats.csv"
    for arguments in [["--from", "locust"], []] {
      let result = try bursar.run(["check", "-m", stats] + arguments)
      #expect(result.status == 1, "\(result.stderrText)")
      #expect(result.stdoutText.contains("latency_p95   160ms"), "\(result.stdoutText)")
      #expect(result.stdoutText.contains("fail: 2 breached, 1 missing, 1 within"))
      #expect(result.stdoutText.contains("76 figures no mapping names"))
      #expect(result.stdoutText.contains("/fail {Type=GET}: Request Count, Failure Count"))
    }
    let json = try bursar.run("check", "--from", "locust", "-m", stats, "--format", "json")
    let document = try Self.json(json)
    #expect(try Self.measured(document, "latency_p95") == (0.16, "within"))
    #expect(try Self.measured(document, "latency_p50") == (0.075, "breached"))
    #expect(abs(try Self.measured(document, "availability").value - 204.0 / 221.0) < 1e-9)
    let imported = try #require(document["imported"] as? [String: Any])
    #expect(imported["tool"] as? String == "locust")
    #expect(imported["mappings"] as? [String] == [".budgets/imports/locust.yaml"])
    #expect((imported["unmapped"] as? [[String: Any]])?.count == 76)
    let markdown = try bursar.run("check", "--from", "locust", "-m", stats, "--format", "markdown")
    #expect(markdown.stdoutText.contains("#### Import"))
    _ = repository
  }

  @Test func prometheusGoodAndTotalResultsNamedOnTheCommandLine() throws {
    let (_, bursar) = try Self.repository(
      mapping: ImportFiles.prometheusMapping, file: "prometheus.yaml")
    let result = try bursar.run([
      "check", "--from", "prometheus", "-m", "good=\(Self.fixtures)/prometheus_range_good.json",
      "-m", "total=\(Self.fixtures)/prometheus_range_total.json",
      "-m", "latency=\(Self.fixtures)/prometheus_latency.json", "--allow-missing", "--format",
      "json",
    ])
    #expect(result.status == 0, "\(result.stderrText)")
    let document = try Self.json(result)
    #expect(try Self.measured(document, "latency_p95") == (0.087, "within"))
    let expected = 8002.0 / (2006.0 + 2003.968253968254 + 2004 + 2004)
    #expect(abs(try Self.measured(document, "availability").value - expected) < 1e-9)
  }

  // MARK: - Bad input: exit 2 with the place

  @Test func badOutputsAndMappingsExitTwoWithTheirPlace() throws {
    let (repository, bursar) = try Self.repository(mapping: ImportFiles.locustMapping)
    try repository.write(
      path: "cut.csv", contents: "Type,Name,Request Count,Failure Count,95%\nPOST,/score,10\n")
    try repository.write(
      path: "bad.csv", contents: "Type,Name,Request Count,Failure Count,95%\nPOST,/score,10,0,NaN\n"
    )
    try repository.write(path: "other.csv", contents: "when,what\n1,2\n")
    let cases: [([String], String)] = [
      (["--from", "locust", "-m", "cut.csv"], "cut.csv:2:"),
      (
        ["--from", "locust", "-m", "bad.csv"],
        "cut.csv:2:".replacingOccurrences(of: "cut", with: "bad")
      ),
      (["--from", "locust", "-m", "other.csv"], "not a Locust CSV file"),
      (["-m", "other.csv"], "cannot tell which tool wrote this file"),
      (
        ["--from", "prometheus", "-m", Self.fixtures + "/prometheus_nan.json"],
        "$.data.result[0].value[1] is `NaN`"
      ),
      (
        ["--from", "prometheus", "-m", Self.fixtures + "/prometheus_matrix_inf.json"],
        "$.data.result[0].values[0][1] is `+Inf`"
      ),
      (["--from", "prometheus", "-m", Self.fixtures + "/prometheus_error.json"], "bad_data"),
      (
        ["--from", "prometheus", "-m", Self.fixtures + "/prometheus_vector.json"],
        "no import mapping for prometheus"
      ),
      (["--from", "locst", "-m", "cut.csv"], "did you mean `locust`"),
    ]
    for (arguments, words) in cases {
      let result = try bursar.run(["check"] + arguments)
      #expect(result.status == 2, "\(arguments): \(result.stdoutText)")
      #expect(result.stderrText.contains(words), "\(arguments): \(result.stderrText)")
    }

    // A mapping naming a metric the budget lacks: the tree is invalid, with a hint.
    try repository.write(
      path: ".budgets/imports/locust.yaml",
      contents: ImportFiles.locustMapping.replacingOccurrences(
        of: "metric: latency_p50", with: "metric: latency_p05"))
    let unknown = try bursar.run(
      "check", "--from", "locust", "-m", Self.fixtures + "/locust_stats.csv")
    #expect(unknown.status == 2)
    #expect(unknown.stderrText.contains(".budgets/imports/locust.yaml:6:"), "\(unknown.stderrText)")
    #expect(unknown.stderrText.contains("did you mean `latency_p95`?"), "\(unknown.stderrText)")
    let validate = try bursar.run("validate")
    #expect(validate.status == 2 || validate.status == 1)
    #expect(
      validate.stdoutText.contains("unknown-metric")
        || validate.stderrText.contains("unknown-metric"))

    // A unit the mapping gives that the tool contradicts: reported at the mapping's line.
    try repository.write(
      path: ".budgets/imports/locust.yaml",
      contents: ImportFiles.locustMapping.replacingOccurrences(
        of: "budget: scorer, metric: latency_p95 }",
        with: "budget: scorer, metric: latency_p95, unit: s }"))
    let unit = try bursar.run(
      "check", "--from", "locust", "-m", Self.fixtures + "/locust_stats.csv")
    #expect(unit.status == 2)
    #expect(unit.stderrText.contains(".budgets/imports/locust.yaml:5:"), "\(unit.stderrText)")
    #expect(unit.stderrText.contains("locust writes"), "\(unit.stderrText)")
  }

  // MARK: - The real tools

  static let loopbackServer = """
    import http.server, sys, time
    class H(http.server.BaseHTTPRequestHandler):
        def do_GET(self): self.reply()
        def do_POST(self):
            self.rfile.read(int(self.headers.get('Content-Length') or 0)); self.reply()
        def reply(self):
            body = b'{"ok": true}'
            self.send_response(200); self.send_header('Content-Length', str(len(body)))
            self.end_headers(); self.wfile.write(body)
        def log_message(self, *a): pass
    server = http.server.ThreadingHTTPServer(('127.0.0.1', int(sys.argv[1])), H)
    server.timeout = 0.5
    deadline = time.time() + float(sys.argv[2])
    while time.time() < deadline: server.handle_request()
    """

  @Test func locustRunHeadlessAgainstALoopbackServer() throws {
    try RequiredTools.require("locust")
    let (repository, bursar) = try Self.repository(mapping: ImportFiles.locustMapping)
    try repository.write(path: "server.py", contents: Self.loopbackServer)
    try repository.write(
      path: "locustfile.py",
      contents: """
        from locust import HttpUser, task, constant
        class Scorer(HttpUser):
            wait_time = constant(0.01)
            @task
            def score(self): self.client.post("/score", json={"amount": 12})
        """)
    let port = try ToolServer.freePort()
    let server = try ToolServer(
      "/usr/bin/env", ["python3", "server.py", String(port), "60"], seconds: 70,
      in: repository.path)
    defer { server.stop() }
    try server.waitUntilReady("http://127.0.0.1:\(port)/", seconds: 30)
    let run = try runProcess(
      "timeout",
      [
        "90", "locust", "-f", "locustfile.py", "--headless", "-u", "2", "-r", "2", "-t", "3s",
        "--host", "http://127.0.0.1:\(port)", "--csv", "run", "--only-summary",
      ], cwd: repository.path)
    #expect(run.status == 0, "\(run.stderrText.suffix(2000))")
    let result = try bursar.run(
      "check", "--from", "locust", "-m", "run_stats.csv", "--format", "json", "--allow-missing")
    #expect(result.status == 0 || result.status == 1, "\(result.stderrText)")
    let document = try Self.json(result)
    let oracle = try runSucceeding(
      "python3",
      [
        "-c",
        "import csv; r=[x for x in csv.DictReader(open('run_stats.csv')) if x['Name']=='/score'][0]; print(r['95%'], int(r['Request Count']) - int(r['Failure Count']), r['Request Count'])",
      ], cwd: repository.path
    ).stdoutText.split(separator: " ").map {
      Double($0.trimmingCharacters(in: .whitespacesAndNewlines))!
    }
    let p95 = try Self.measured(document, "latency_p95")
    #expect(abs(p95.value - oracle[0] / 1000) < 1e-12)
    #expect(p95.verdict == "within")
    #expect(oracle[2] > 0)
  }

  @Test func pytestBenchmarkJSON() throws {
    try RequiredTools.require("pytest")
    let mapping = """
      version: 1
      kind: Import
      tool: pytest-benchmark
      figures:
        - { name: test_score, statistic: median, budget: scorer, metric: latency_p95 }
      """
    let (repository, bursar) = try Self.repository(mapping: mapping, file: "bench.yaml")
    try repository.write(
      path: "test_tiny.py",
      contents: "def test_score(benchmark):\n    assert benchmark(sum, range(100)) == 4950\n")
    let run = try runProcess(
      "timeout",
      [
        "120", "python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_tiny.py",
        "--benchmark-json=bench.json", "--benchmark-save-data", "--benchmark-max-time=0.05",
      ], cwd: repository.path)
    #expect(run.status == 0, "\(run.stdoutText.suffix(2000))")
    let result = try bursar.run(
      "check", "-m", "bench.json", "--format", "json", "--allow-missing")
    #expect(result.status == 0, "\(result.stderrText)")
    let oracle = try runSucceeding(
      "python3",
      [
        "-c",
        "import json; print(repr(json.load(open('bench.json'))['benchmarks'][0]['stats']['median']))",
      ],
      cwd: repository.path)
    let median = try #require(
      Double(oracle.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)))
    let measured = try Self.measured(try Self.json(result), "latency_p95")
    #expect(abs(measured.value - median) <= median * 1e-12)
    #expect(measured.verdict == "within")
  }

  @Test func mlflowRestWithALocalFileStore() throws {
    try RequiredTools.require("mlflow")
    let mapping = """
      version: 1
      kind: Import
      tool: mlflow
      figures:
        - { name: precision, statistic: latest, budget: scorer, metric: accuracy, unit: "1" }
      """
    let (repository, bursar) = try Self.repository(mapping: mapping, file: "mlflow.yaml")
    let port = try ToolServer.freePort()
    let server = try ToolServer(
      "/usr/bin/env",
      [
        "mlflow", "server", "--backend-store-uri", "file:\(repository.path)/store",
        "--default-artifact-root", "file:\(repository.path)/artifacts", "--host", "127.0.0.1",
        "--port", String(port), "--workers", "1",
      ], seconds: 240, in: repository.path, environment: ["MLFLOW_ALLOW_FILE_STORE": "true"])
    defer { server.stop() }
    let base = "http://127.0.0.1:\(port)"
    try server.waitUntilReady(base + "/health", seconds: 120)
    try repository.write(
      path: "log.py",
      contents: """
        import sys, mlflow
        mlflow.set_tracking_uri(sys.argv[1])
        with mlflow.start_run(run_name="nightly") as run:
            for step, value in enumerate([0.93, 0.95, 0.962]):
                mlflow.log_metric("precision", value, step=step)
        print("RUN=" + run.info.run_id)
        """)
    let logged = try runSucceeding(
      "timeout", ["120", "python3", "log.py", base], cwd: repository.path)
    let run = try #require(
      logged.stdoutText.split(separator: "\n").first { $0.hasPrefix("RUN=") }?.dropFirst(4))
    try ToolServer.download(
      base + "/api/2.0/mlflow/runs/get?run_id=\(run)", to: repository.path + "/run.json")
    try ToolServer.download(
      base + "/api/2.0/mlflow/metrics/get-history?run_id=\(run)&metric_key=precision",
      to: repository.path + "/history.json")
    let latest = try bursar.run("check", "-m", "run.json", "--format", "json", "--allow-missing")
    #expect(latest.status == 0, "\(latest.stderrText)")
    #expect(try Self.measured(try Self.json(latest), "accuracy") == (0.962, "within"))
    try repository.write(
      path: ".budgets/imports/mlflow.yaml",
      contents: mapping.replacingOccurrences(of: "statistic: latest", with: "statistic: history"))
    let history = try bursar.run(
      "check", "--from", "mlflow", "-m", "history.json", "--allow-missing")
    #expect(history.status == 0, "\(history.stderrText)")
    #expect(history.stdoutText.contains("latest of 3 points"), "\(history.stdoutText)")
  }

  @Test func prometheusScrapingALoopbackExporter() throws {
    try RequiredTools.require("prometheus")
    let mapping = """
      version: 1
      kind: Import
      tool: prometheus
      figures:
        - budget: scorer
          metric: accuracy
          query: model_accuracy
          unit: "1"
      """
    let (repository, bursar) = try Self.repository(mapping: mapping, file: "prometheus.yaml")
    try repository.write(
      path: "exporter.py",
      contents: """
        import http.server, sys, time
        class H(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                body = b'# TYPE model_accuracy gauge\\nmodel_accuracy{model="fraud"} 0.961\\n'
                self.send_response(200); self.send_header('Content-Length', str(len(body)))
                self.end_headers(); self.wfile.write(body)
            def log_message(self, *a): pass
        server = http.server.HTTPServer(('127.0.0.1', int(sys.argv[1])), H)
        server.timeout = 0.5
        deadline = time.time() + float(sys.argv[2])
        while time.time() < deadline: server.handle_request()
        """)
    let exporterPort = try ToolServer.freePort()
    let exporter = try ToolServer(
      "/usr/bin/env", ["python3", "exporter.py", String(exporterPort), "80"], seconds: 90,
      in: repository.path)
    defer { exporter.stop() }
    try exporter.waitUntilReady("http://127.0.0.1:\(exporterPort)/metrics", seconds: 30)
    try repository.write(
      path: "prometheus.yml",
      contents: """
        global: { scrape_interval: 1s }
        scrape_configs:
          - job_name: scorer
            static_configs: [ { targets: ["127.0.0.1:\(exporterPort)"] } ]
        """)
    let port = try ToolServer.freePort()
    let prometheus = try ToolServer(
      try #require(
        ["/usr/bin/prometheus", "/usr/local/bin/prometheus"].first {
          FileManager.default.isExecutableFile(atPath: $0)
        }),
      [
        "--config.file=prometheus.yml", "--storage.tsdb.path=\(repository.path)/tsdb",
        "--web.listen-address=127.0.0.1:\(port)",
      ], seconds: 80, in: repository.path)
    defer { prometheus.stop() }
    let base = "http://127.0.0.1:\(port)"
    try prometheus.waitUntilReady(base + "/-/ready", seconds: 40)
    let deadline = Date().addingTimeInterval(40)
    var answer = ""
    while Date() < deadline {
      try ToolServer.download(
        base + "/api/v1/query?query=model_accuracy", to: repository.path + "/q.json")
      answer = try String(contentsOfFile: repository.path + "/q.json", encoding: .utf8)
      if answer.contains("0.961") { break }
      Thread.sleep(forTimeInterval: 0.5)
    }
    #expect(answer.contains("\"vector\""), "\(answer)")
    let result = try bursar.run("check", "-m", "q.json", "--format", "json", "--allow-missing")
    #expect(result.status == 0, "\(result.stderrText)")
    #expect(try Self.measured(try Self.json(result), "accuracy") == (0.961, "within"))
  }
}
