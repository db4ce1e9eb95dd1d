import Foundation
import TestSupport
import Testing

/// Exceptions as history: an expired one stays where it is whatever becomes of its budget; one
/// the budget has overtaken is a warning; a change may not create one that grants nothing, nor
/// run exceptions back to back past `max_exception_days` (30 days in `GateFixture`).
struct ExceptionHistoryTests {
  /// The day `offset` days from today, UTC, as `YYYY-MM-DD`.
  static func day(_ offset: Int) -> String {
    let formatter = DateFormatter()
    formatter.calendar = Calendar(identifier: .gregorian)
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd"
    return formatter.string(from: Date().addingTimeInterval(Double(offset) * 86_400))
  }

  static let fraud = ".budgets/models/fraud.yaml"

  /// A fixture on `main` with `EXC-OLD` (130ms, long expired) committed.
  private func withExpiredException() throws -> GateFixture {
    let fixture = try GateFixture()
    try fixture.repository.git("checkout", "-q", "main")
    try fixture.repository.write(
      path: ".budgets/exceptions/old.yaml",
      contents: BudgetFiles.exception(
        "EXC-OLD", max: "130ms", starts: "2025-01-01", expires: "2025-01-20")
    )
    try fixture.repository.commit(message: "An old exception")
    return fixture
  }

  @Test func anExpiredExceptionStaysWhileItsBudgetIsLoosenedPastIt() throws {
    let fixture = try withExpiredException()
    for latency in ["130ms", "140ms"] {
      try fixture.repository.write(path: Self.fraud, contents: GateFixture.budget(latency: latency))
      let validate = try fixture.runner.run("validate")
      #expect(validate.status == 0, "\(validate.stdoutText)")
      #expect(!validate.stdoutText.contains("warning"), "\(validate.stdoutText)")
    }
    try fixture.repository.git("add", "-A")
    let hook = try fixture.runner.run("hooks", "run", "pre-commit")
    #expect(hook.status == 0, "\(hook.stderrText)")
    try fixture.repository.commit(message: "Loosen past the old exception")
    #expect(try fixture.runner.run("validate", "--rev", "HEAD").status == 0)
    // Still in the register, as expired.
    let expired = try fixture.runner.run("exceptions", "--expired")
    #expect(expired.status == 0)
    #expect(expired.stdoutText.contains("EXC-OLD"), "\(expired.stdoutText)")
    #expect(expired.stdoutText.contains("expired"))
  }

  @Test func anExpiredExceptionStaysWhenItsMetricOrBudgetGoes() throws {
    let fixture = try withExpiredException()
    let withoutLatency =
      GateFixture.budget(latency: "100ms")
      .split(separator: "\n").filter { !$0.contains("latency_p95") && !$0.contains("staging") }
      .joined(separator: "\n").replacingOccurrences(of: "environments:", with: "") + "\n"
    try fixture.repository.write(path: Self.fraud, contents: withoutLatency)
    let noMetric = try fixture.runner.run("validate")
    #expect(noMetric.status == 0, "\(noMetric.stdoutText)")
    try fixture.repository.remove(path: Self.fraud)
    let noBudget = try fixture.runner.run("validate")
    #expect(noBudget.status == 0, "\(noBudget.stdoutText)")
    // The same exception in force would name what is gone.
    try fixture.repository.write(
      path: ".budgets/exceptions/old.yaml",
      contents: BudgetFiles.exception(
        "EXC-OLD", max: "130ms", starts: Self.day(-1), expires: Self.day(5)))
    let inForce = try fixture.runner.run("validate")
    #expect(inForce.status == 1)
    #expect(inForce.stdoutText.contains("error[unknown-budget]"), "\(inForce.stdoutText)")
  }

  @Test func aRedundantActiveExceptionIsAWarning() throws {
    let fixture = try GateFixture()
    try fixture.repository.git("checkout", "-q", "main")
    try fixture.repository.write(
      path: ".budgets/exceptions/peak.yaml",
      contents: BudgetFiles.exception(
        "EXC-1", max: "130ms", starts: Self.day(-3), expires: Self.day(10)))
    try fixture.repository.commit(message: "Grant EXC-1")
    try fixture.repository.write(path: Self.fraud, contents: GateFixture.budget(latency: "140ms"))
    let text = try fixture.runner.run("validate")
    #expect(text.status == 0, "\(text.stdoutText)")
    #expect(
      text.stdoutText.contains(".budgets/exceptions/peak.yaml:6:23: warning[exception-redundant]"),
      "\(text.stdoutText)")
    #expect(text.stdoutText.contains("valid (1 warning)"))
    let json = try fixture.runner.run("validate", "--format", "json")
    #expect(json.status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
    #expect(object["valid"] as? Bool == true)
    let warnings = try #require(object["warnings"] as? [[String: Any]])
    #expect(warnings.count == 1)
    let warning = try #require(warnings.first)
    #expect(warning["rule"] as? String == "exception-redundant")
    #expect(warning["severity"] as? String == "warning")
    #expect((object["errors"] as? [Any])?.isEmpty == true)
    let github = try fixture.runner.run("validate", "--format", "github")
    #expect(github.status == 0)
    #expect(github.stdoutText.hasPrefix("::warning file=.budgets/exceptions/peak.yaml,line=6"))
    let sarif = try fixture.runner.run("validate", "--format", "sarif")
    #expect(sarif.status == 0)
    #expect(
      sarif.stdoutText.contains("\"level\" : \"warning\"")
        || sarif.stdoutText.contains("\"level\":\"warning\""))
    // The pre-commit hook shows the warning and lets the budget change through.
    try fixture.repository.git("add", "-A")
    let hook = try fixture.runner.run("hooks", "run", "pre-commit")
    #expect(hook.status == 0, "\(hook.stderrText)")
    #expect(hook.stderrText.contains("warning[exception-redundant]"), "\(hook.stderrText)")
  }

  @Test func aNewExceptionThatGrantsNothingIsRefusedByTheGateAndTheCommitHook() throws {
    let fixture = try GateFixture()
    let hooks = HookFixture(repository: fixture.repository)
    #expect(try hooks.bursar("hooks", "install").status == 0)
    try fixture.repository.write(
      path: ".budgets/exceptions/nothing.yaml",
      contents: BudgetFiles.exception(
        "EXC-2", max: "90ms", starts: Self.day(-1), expires: Self.day(10)))
    // Validation alone only warns…
    let validate = try fixture.runner.run("validate")
    #expect(validate.status == 0, "\(validate.stdoutText)")
    #expect(validate.stdoutText.contains("warning[exception-redundant]"))
    // …but the commit hook refuses to record it.
    try fixture.repository.git("add", "-A")
    let commit = try hooks.git(["commit", "-q", "-m", "Grant nothing"])
    #expect(commit.status != 0)
    #expect(commit.stderrText.contains("error[exception-not-loosening]"), "\(commit.stderrText)")
    #expect(try fixture.repository.gitLines("log", "--format=%s", "-1") == ["Budgets"])
    // Committed anyway, the gate refuses it, whoever approves.
    try fixture.repository.commit(message: "Grant nothing")
    #expect(try fixture.approve("alice").succeeded)
    let gate = try fixture.gate()
    #expect(gate.status == 1)
    let policy = gate.json["policy"] as? [String] ?? []
    #expect(
      policy.contains { $0.contains("exception-not-loosening") && $0.contains("EXC-2") },
      "\(gate.text)")
    // A budget loosened past an exception already on main is no such change.
    let loosen = try GateFixture()
    try loosen.repository.git("checkout", "-q", "main")
    try loosen.repository.write(
      path: ".budgets/exceptions/peak.yaml",
      contents: BudgetFiles.exception(
        "EXC-1", max: "130ms", starts: Self.day(-3), expires: Self.day(10)))
    try loosen.repository.commit(message: "Grant EXC-1")
    try loosen.repository.git("checkout", "-q", "change")
    try loosen.repository.git("merge", "-q", "main")
    try loosen.repository.write(path: Self.fraud, contents: GateFixture.budget(latency: "140ms"))
    try loosen.repository.commit(message: "Loosen past EXC-1")
    #expect(try loosen.approve("alice").succeeded)
    let passed = try loosen.gate()
    #expect(passed.status == 0, "\(passed.text)")
  }

  /// EXC-A for 20 days from ten days ahead, then EXC-B from the day after it ends: 40 days.
  private func writeChain(_ fixture: GateFixture) throws {
    try fixture.repository.write(
      path: ".budgets/exceptions/a.yaml",
      contents: BudgetFiles.exception(
        "EXC-A", max: "130ms", starts: Self.day(10), expires: Self.day(29)))
    try fixture.repository.write(
      path: ".budgets/exceptions/b.yaml",
      contents: BudgetFiles.exception(
        "EXC-B", max: "130ms", starts: Self.day(30), expires: Self.day(49)))
  }

  @Test func aBackToBackChainOverTheLimitIsBlockedEverywhere() throws {
    let fixture = try GateFixture()
    let hooks = HookFixture(repository: fixture.repository)
    #expect(try hooks.bursar("hooks", "install").status == 0)
    try writeChain(fixture)
    let validate = try fixture.runner.run("validate")
    #expect(validate.status == 1)
    let chainErrors = validate.stdoutText.split(separator: "\n").filter {
      $0.contains("error[exception-chain-too-long]")
    }
    #expect(chainErrors.count == 2, "\(validate.stdoutText)")
    #expect(chainErrors.allSatisfy { $0.contains("EXC-A") && $0.contains("EXC-B") })
    #expect(chainErrors.allSatisfy { $0.contains("for 40 days") })
    // Each is within the limit on its own.
    #expect(!validate.stdoutText.contains("exception-too-long]"))
    try fixture.repository.git("add", "-A")
    let commit = try hooks.git(["commit", "-q", "-m", "Two exceptions"])
    #expect(commit.status != 0)
    #expect(commit.stderrText.contains("exception-chain-too-long"), "\(commit.stderrText)")
    // A day between them: two deviations, and the hook lets it through.
    try fixture.repository.write(
      path: ".budgets/exceptions/b.yaml",
      contents: BudgetFiles.exception(
        "EXC-B", max: "130ms", starts: Self.day(31), expires: Self.day(49)))
    try fixture.repository.git("add", "-A")
    #expect(try fixture.runner.run("hooks", "run", "pre-commit").status == 0)
    // Back to back again, committed without the hooks and approved: the gate blocks it.
    try writeChain(fixture)
    try fixture.repository.commit(message: "Two exceptions")
    #expect(try fixture.approve("alice").succeeded)
    let gate = try fixture.gate()
    #expect(gate.status == 1)
    let policy = gate.json["policy"] as? [String] ?? []
    #expect(
      policy.contains { $0.contains("EXC-A") && $0.contains("EXC-B") && $0.contains("40 days") },
      "\(gate.text)")
  }

  @Test func auditNamesEveryExceptionOfAChain() throws {
    let fixture = try GateFixture()
    try fixture.repository.git("checkout", "-q", "main")
    try fixture.repository.write(
      path: ".budgets/exceptions/a.yaml",
      contents: BudgetFiles.exception(
        "EXC-A", max: "130ms", starts: "2099-01-01", expires: "2099-01-20"))
    try fixture.repository.commit(message: "EXC-A")
    try fixture.repository.write(
      path: ".budgets/exceptions/b.yaml",
      contents: BudgetFiles.exception(
        "EXC-B", max: "130ms", starts: "2099-01-21", expires: "2099-02-09"))
    let second = try fixture.repository.commit(message: "EXC-B, the day after")
    let result = try fixture.runner.run("audit", "--format", "json", "main")
    #expect(result.status == 1)
    let object = try #require(
      try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
    let findings = try #require(object["findings"] as? [[String: String]])
    let chain = findings.filter { $0["kind"] == "exception-policy" }
    #expect(chain.count == 1, "\(findings)")
    #expect(chain.first?["commit"] == second)
    #expect(chain.first?["detail"]?.contains("EXC-A (2099-01-01..2099-01-20)") == true)
    #expect(chain.first?["detail"]?.contains("EXC-B (2099-01-21..2099-02-09)") == true)
    // The step left the tree invalid too, by its own rules.
    #expect(
      findings.contains {
        $0["kind"] == "invalid-tree" && $0["commit"] == second
          && $0["detail"]?.contains("exception-chain-too-long") == true
      })
    // The first exception alone was fine.
    #expect(!findings.contains { $0["kind"] == "exception-policy" && $0["commit"] != second })
  }

  @Test func auditJudgesEachStepOnItsCommitDate() throws {
    let fixture = try GateFixture()
    try fixture.repository.git("checkout", "-q", "main")
    // Commits are dated 2023-11-14: the exception is upcoming then, long expired today.
    try fixture.repository.write(
      path: ".budgets/exceptions/peak.yaml",
      contents: BudgetFiles.exception(
        "EXC-1", max: "130ms", starts: "2024-01-01", expires: "2024-01-20"))
    try fixture.repository.commit(message: "Grant EXC-1")
    let withoutLatency = GateFixture.budget(latency: "100ms")
      .replacingOccurrences(of: "  latency_p95: { dimension: latency, max: 100ms }\n", with: "")
      .replacingOccurrences(
        of: "environments:\n  staging: { latency_p95: { max: 150ms } }\n", with: "")
    try fixture.repository.write(path: Self.fraud, contents: withoutLatency)
    let dropped = try fixture.repository.commit(message: "Drop latency while EXC-1 is upcoming")
    // After it expired, another change: the exception is history by then.
    try fixture.repository.write(
      path: Self.fraud,
      contents: withoutLatency.replacingOccurrences(of: "min: 0.95", with: "min: 0.96"))
    let later = try fixture.repository.commit(
      message: "Tighten precision", date: Date(timeIntervalSince1970: 1_710_000_000))
    let result = try fixture.runner.run("audit", "--format", "json", "main")
    let object = try #require(
      try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
    let findings = object["findings"] as? [[String: String]] ?? []
    let invalid = findings.filter { $0["kind"] == "invalid-tree" }
    #expect(invalid.map { $0["commit"] } == [dropped], "\(findings)")
    #expect(invalid.first?["detail"]?.contains("unknown-metric") == true)
    #expect(!findings.contains { $0["commit"] == later && $0["kind"] == "invalid-tree" })
  }

  @Test func auditFindsAChainWhoseFirstExceptionWasRemovedBeforeTheNextCame() throws {
    let fixture = try GateFixture()
    try fixture.repository.git("checkout", "-q", "main")
    let day = 86_400.0
    let start = Date(timeIntervalSince1970: 1_699_920_000)  // 2023-11-14
    try fixture.repository.write(
      path: ".budgets/exceptions/a.yaml",
      contents: BudgetFiles.exception(
        "EXC-A", max: "130ms", starts: "2023-11-01", expires: "2023-11-20"))
    try fixture.repository.commit(message: "EXC-A", date: start)
    try fixture.repository.remove(path: ".budgets/exceptions/a.yaml")
    try fixture.repository.commit(message: "Tidy EXC-A away", date: start + 11 * day)
    try fixture.repository.write(
      path: ".budgets/exceptions/b.yaml",
      contents: BudgetFiles.exception(
        "EXC-B", max: "130ms", starts: "2023-11-21", expires: "2023-12-10"))
    let next = try fixture.repository.commit(message: "EXC-B", date: start + 12 * day)
    let result = try fixture.runner.run("audit", "--format", "json", "main")
    let object = try #require(
      try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
    let findings = object["findings"] as? [[String: String]] ?? []
    let chains = findings.filter { $0["kind"] == "exception-too-long-in-total" }
    #expect(chains.count == 1, "\(findings)")
    #expect(chains.first?["commit"] == next)
    #expect(chains.first?["detail"]?.contains("EXC-A (2023-11-01..2023-11-20)") == true)
    #expect(chains.first?["detail"]?.contains("EXC-B (2023-11-21..2023-12-10)") == true)
    #expect(result.status == 1)
  }
}
