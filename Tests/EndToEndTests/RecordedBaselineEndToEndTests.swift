import Foundation
import TestSupport
import Testing

/// Baselines and drift references pinned to recorded runs, in real repositories: runs
/// recorded with `bursar record`, a budget that names one, `check` against it, and a moved pin
/// through `diff` and `gate`.
@Suite struct RecordedBaselineEndToEndTests {
  /// A budget whose `precision` floor is relative to a pinned run and whose `amount` drift test
  /// takes its reference from one.
  static func budget(baseline: String, reference: String) -> String {
    """
    version: 1
    kind: Budget
    name: fraud
    owner: ml-eng
    metrics:
      latency_p95: { dimension: latency, max: 100ms }
      precision: { dimension: quality, baseline: \(baseline), max_drop: 5% }
      amount: { dimension: quality, drift: ks, min_samples: 5, reference: \(reference) }

    """
  }

  static func measurements(precision: String, amount: [Int]) -> String {
    """
    version: 1
    kind: Measurements
    values:
      fraud:
        latency_p95: 50ms
        precision: \(precision)
        amount: { samples: [\(amount.map(String.init).joined(separator: ", "))] }

    """
  }

  /// `bursar record` of measurements at HEAD; the run's id, read from what it prints.
  static func record(_ text: String, in fixture: GateFixture, name: String) throws -> String {
    try fixture.repository.write(path: name, contents: text)
    let result = try fixture.runner.run("record", "-m", name, "--as", "CI <ci@example.com>")
    #expect(result.status == 0, "\(result.stderrText)")
    let words = result.stdoutText.split(separator: " ")
    let id = try #require(words.count > 2 ? String(words[2]) : nil, "\(result.stdoutText)")
    #expect(id.count == 32, "\(result.stdoutText)")
    return id
  }

  /// A gate fixture whose `main` pins `precision` and `amount` to a run of 0.95; runs of 0.97
  /// and 0.92 are recorded too. The `change` branch starts at `main`.
  struct Pinned {
    let fixture: GateFixture
    let base: String
    let higher: String
    let lower: String
    var repository: TemporaryRepository { fixture.repository }

    init() throws {
      fixture = try GateFixture()
      let samples = Array(1...30)
      base = try RecordedBaselineEndToEndTests.record(
        RecordedBaselineEndToEndTests.measurements(precision: "0.95", amount: samples),
        in: fixture, name: "r1.yaml")
      higher = try RecordedBaselineEndToEndTests.record(
        RecordedBaselineEndToEndTests.measurements(precision: "0.97", amount: samples),
        in: fixture, name: "r2.yaml")
      lower = try RecordedBaselineEndToEndTests.record(
        RecordedBaselineEndToEndTests.measurements(precision: "0.92", amount: samples),
        in: fixture, name: "r3.yaml")
      try fixture.repository.git("checkout", "-q", "main")
      try write(baseline: base, reference: base)
      try fixture.repository.commit(message: "Pin precision to a recorded run")
      try fixture.repository.git("checkout", "-q", "-B", "change", "main")
    }

    func write(baseline: String, reference: String) throws {
      try repository.write(
        path: ".budgets/models/fraud.yaml",
        contents: RecordedBaselineEndToEndTests.budget(
          baseline: "{run: \(baseline)}", reference: "{run: \(reference)}"))
    }

    func check(precision: String, amount: [Int] = Array(1...30)) throws -> ProcessResult {
      try repository.write(
        path: "now.yaml",
        contents: RecordedBaselineEndToEndTests.measurements(precision: precision, amount: amount))
      return try fixture.runner.run("check", "-m", "now.yaml", "--format", "json")
    }

    func diffKinds() throws -> [String: String] {
      let result = try fixture.runner.run("diff", "--format", "json")
      let object = try #require(
        try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any],
        "\(result.stderrText)")
      let changes = try #require(object["changes"] as? [[String: Any]])
      var kinds: [String: String] = [:]
      for change in changes {
        let key = "\(change["metric"] as? String ?? "").\(change["field"] as? String ?? "")"
        let note = (change["old"] as? String ?? "").hasPrefix("{") ? " pin" : ""
        kinds[key + note] = change["kind"] as? String
      }
      return kinds
    }
  }

  static func verdict(_ result: ProcessResult, _ metric: String) throws -> String? {
    let object = try #require(
      try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any],
      "\(result.stdoutText)\(result.stderrText)")
    let results = try #require(object["results"] as? [[String: Any]])
    return results.first { $0["metric"] as? String == metric }?["verdict"] as? String
  }

  @Test func checkJudgesAgainstThePinnedRunsFigure() throws {
    try RequiredTools.require("git")
    let pinned = try Pinned()
    // Floor: 0.95 less 5% = 0.9025.
    let within = try pinned.check(precision: "0.91")
    #expect(within.status == 0, "\(within.stdoutText)\(within.stderrText)")
    #expect(try Self.verdict(within, "precision") == "within")
    #expect(try Self.verdict(within, "amount") == "within")
    let breached = try pinned.check(precision: "0.90")
    #expect(breached.status == 1, "\(breached.stdoutText)\(breached.stderrText)")
    #expect(try Self.verdict(breached, "precision") == "breached")
    // Against the pinned reference sample, a shifted current sample drifts.
    let drifted = try pinned.check(precision: "0.95", amount: Array(101...130))
    #expect(try Self.verdict(drifted, "amount") == "breached")
  }

  /// A tool's output read through a mapping is judged against the pinned run's figure too:
  /// MLflow's precision of 0.962 is above the floor of 0.95 less 5%.
  @Test func aToolsOutputIsJudgedAgainstThePinnedRun() throws {
    let pinned = try Pinned()
    try pinned.repository.write(
      path: ".budgets/imports/mlflow.yaml",
      contents: """
        version: 1
        kind: Import
        tool: mlflow
        figures:
          - { name: precision, statistic: latest, budget: fraud, metric: precision, unit: "1" }

        """)
    let output = BursarCLI.packageRoot + "/Tests/Fixtures/tools/mlflow_runs_get.json"
    let result = try pinned.fixture.runner.run(
      "check", "--from", "mlflow", "-m", output, "--allow-missing")
    #expect(result.status == 0, "\(result.stdoutText)\(result.stderrText)")
    #expect(result.stdoutText.contains("0.95 less 5%"), "\(result.stdoutText)")
    let json = try pinned.fixture.runner.run(
      "check", "--from", "mlflow", "-m", output, "--allow-missing", "--format", "json")
    #expect(try Self.verdict(json, "precision") == "within")
  }

  /// `history` judges each recorded figure against the pinned baseline as `check` did: runs
  /// of 0.91 and 0.90 against the floor of 0.95 less 5% (0.9025).
  @Test func historyJudgesRecordedFiguresAgainstThePin() throws {
    let pinned = try Pinned()
    let head = try pinned.repository.git("rev-parse", "HEAD")
    for (index, precision) in ["0.91", "0.90"].enumerated() {
      _ = try Self.record(
        Self.measurements(precision: precision, amount: Array(1...30)), in: pinned.fixture,
        name: "now\(index).yaml")
    }
    let result = try pinned.fixture.runner.run("history", "fraud", "precision", "--format", "csv")
    #expect(result.status == 0, "\(result.stdoutText)\(result.stderrText)")
    let lines = result.stdoutText.split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    let header = try #require(lines.first)
    let commit = try #require(header.firstIndex(of: "commit"))
    let measured = try #require(header.firstIndex(of: "measured"))
    let verdict = try #require(header.firstIndex(of: "verdict"))
    let atHead = lines.dropFirst().filter { $0.count == header.count && $0[commit] == head }
    let verdicts = Dictionary(
      atHead.map { ($0[measured], $0[verdict]) }, uniquingKeysWith: { a, _ in a })
    #expect(verdicts == ["0.91": "within", "0.90": "breached"], "\(result.stdoutText)")
    let text = try pinned.fixture.runner.run("history", "fraud", "precision").stdoutText
    #expect(text.contains("0.95 less 5%"), "\(text)")
  }

  @Test func aPinThatIsNotRecordedIsAnErrorAtTheBudgetFile() throws {
    let pinned = try Pinned()
    let unknown = String(repeating: "0", count: 32)
    try pinned.write(baseline: unknown, reference: pinned.base)
    let result = try pinned.check(precision: "0.95")
    #expect(result.status == 2, "\(result.stdoutText)\(result.stderrText)")
    #expect(
      result.stderrText.contains(".budgets/models/fraud.yaml:7:"), "\(result.stderrText)")
    #expect(result.stderrText.contains("no run \(unknown) is recorded"), "\(result.stderrText)")
    try pinned.repository.write(
      path: ".budgets/models/fraud.yaml",
      contents: Self.budget(baseline: "{commit: main}", reference: "{run: \(pinned.base)}"))
    let refused = try pinned.fixture.runner.run("validate")
    #expect(refused.status == 1)
    #expect(refused.stdoutText.contains("error[recorded-reference]"), "\(refused.stdoutText)")
  }

  @Test func aCommitPinIsTheMedianOfItsRuns() throws {
    let pinned = try Pinned()
    let commit = try pinned.repository.git("rev-parse", "main~1")
    try pinned.repository.write(
      path: ".budgets/models/fraud.yaml",
      contents: Self.budget(baseline: "{commit: \(commit)}", reference: "{run: \(pinned.base)}"))
    // The runs recorded against main~1 give 0.95, 0.97 and 0.92: the median is 0.95.
    let result = try pinned.check(precision: "0.91")
    #expect(result.status == 0, "\(result.stdoutText)\(result.stderrText)")
    let text = try pinned.fixture.runner.run("check", "-m", "now.yaml").stdoutText
    #expect(text.contains("0.95 less 5%"), "\(text)")
  }

  @Test func diffSaysWhichWayAMovedPinGoes() throws {
    let pinned = try Pinned()
    try pinned.write(baseline: pinned.higher, reference: pinned.base)
    let raised = try pinned.diffKinds()
    #expect(raised["precision.baseline pin"] == "tighten", "\(raised)")
    #expect(raised["precision.baseline"] == "tighten", "\(raised)")
    try pinned.write(baseline: pinned.lower, reference: pinned.base)
    let lowered = try pinned.diffKinds()
    #expect(lowered["precision.baseline pin"] == "loosen", "\(lowered)")
    try pinned.write(baseline: pinned.base, reference: pinned.higher)
    #expect(try pinned.diffKinds()["amount.reference pin"] == "loosen")
  }

  @Test func gateDemandsTheOwnersSignOffForALoweredPinAndNotForARaisedOne() throws {
    let pinned = try Pinned()
    try pinned.write(baseline: pinned.higher, reference: pinned.base)
    try pinned.repository.commit(message: "Raise the precision baseline")
    let raised = try pinned.fixture.gate()
    #expect(raised.status == 0, "\(raised.text)")
    try pinned.write(baseline: pinned.lower, reference: pinned.base)
    try pinned.repository.commit(message: "Lower the precision baseline")
    let blocked = try pinned.fixture.gate()
    #expect(blocked.status == 1, "\(blocked.text)")
    #expect(blocked.text.contains("ml-eng"), "\(blocked.text)")
    let approved = try pinned.fixture.approve("carol")
    #expect(approved.status == 0, "\(approved.stderrText)")
    let passes = try pinned.fixture.gate()
    #expect(passes.status == 0, "\(passes.text)")
  }

  @Test func gateDemandsSignOffForAChangedDriftReference() throws {
    let pinned = try Pinned()
    try pinned.write(baseline: pinned.base, reference: pinned.higher)
    try pinned.repository.commit(message: "Take the drift reference from another run")
    let blocked = try pinned.fixture.gate()
    #expect(blocked.status == 1, "\(blocked.text)")
    #expect(try pinned.fixture.approve("carol").status == 0)
    #expect(try pinned.fixture.gate().status == 0)
  }

  @Test func aPinToARunThisCloneLacksIsALoosening() throws {
    let pinned = try Pinned()
    try pinned.write(baseline: String(repeating: "e", count: 32), reference: pinned.base)
    try pinned.repository.commit(message: "Pin to a run recorded elsewhere")
    let blocked = try pinned.fixture.gate()
    #expect(blocked.status == 1, "\(blocked.text)")
    #expect(try pinned.diffKinds().isEmpty)
    let kinds = try pinned.fixture.runner.run("diff", "main", "--format", "json").stdoutText
    #expect(kinds.contains("\"loosen\""), "\(kinds)")
  }
}
