import Foundation
import TestSupport
import Testing

/// `bursar diff` on exceptions and approvals: a grant against the budget value it relaxes, a
/// summary that counts budgets, exceptions and approvals apart, and approvals valid or stale.
@Suite struct DiffGrantsAndApprovalsTests {
  static let exception = """
    version: 1
    kind: Exception
    id: EXC-7
    budget: fraud
    environment: production
    metrics:
      latency_p95: { max: 150ms }
    reason: Peak season.
    ticket: OPS-7
    starts: 2026-11-20
    expires: 2026-12-08

    """

  /// On `change`: the cap raised to 130ms, an exception granting 150ms, and alice's approval.
  static func change() throws -> GateFixture {
    let fixture = try GateFixture()
    try fixture.repository.write(
      path: ".budgets/models/fraud.yaml", contents: GateFixture.budget(latency: "130ms"))
    try fixture.repository.write(path: ".budgets/exceptions/peak.yaml", contents: exception)
    try fixture.repository.commit(message: "Raise the cap, with an exception")
    let approved = try fixture.approve("alice")
    #expect(approved.succeeded, "\(approved.stderrText)")
    return fixture
  }

  static func json(_ fixture: GateFixture) throws -> [[String: Any]] {
    let result = try fixture.runner.run("diff", "main", "change", "--format", "json")
    let object = try #require(
      try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
    return try #require(object["changes"] as? [[String: Any]])
  }

  @Test func aGrantIsShownAgainstTheBudgetValueItRelaxes() throws {
    let fixture = try Self.change()
    let text = try fixture.runner.run("diff", "main", "change").stdoutText
    #expect(text.contains("max: 130ms → 150ms"), "\(text)")
    #expect(text.contains("until 2026-12-08"), "\(text)")
    #expect(!text.contains("— → 150ms") && !text.contains("none → 150ms"), "\(text)")
    let markdown = try fixture.runner.run("diff", "main", "change", "--format", "markdown")
      .stdoutText
    #expect(markdown.contains("max: 130ms → 150ms"), "\(markdown)")
    #expect(markdown.contains("until 2026-12-08"), "\(markdown)")
    let grant = try #require(
      try Self.json(fixture).first { $0["category"] as? String == "exception" })
    #expect(grant["budget_value"] as? String == "130ms", "\(grant)")
    #expect(grant["new"] as? String == "150ms")
    #expect(grant["expires"] as? String == "2026-12-08")
  }

  @Test func theSummaryCountsBudgetsExceptionsAndApprovalsApart() throws {
    let fixture = try Self.change()
    let text = try fixture.runner.run("diff", "main", "change").stdoutText
    let summary = try #require(text.split(separator: "\n").first.map(String.init))
    #expect(summary.contains("budgets: 1 loosening"), "\(summary)")
    #expect(summary.contains("exceptions: 1 created"), "\(summary)")
    // alice's record approves the budget file and the exception file: two approvals.
    #expect(summary.contains("approvals: 2 added"), "\(summary)")
    #expect(!summary.contains("3 added"), "\(summary)")
    let markdown = try fixture.runner.run("diff", "main", "change", "--format", "markdown")
      .stdoutText
    #expect(markdown.contains("exceptions: 1 created") && markdown.contains("approvals: 2 added"))
  }

  @Test func anApprovalIsValidUntilItsFileChangesThenStale() throws {
    let fixture = try Self.change()
    let valid = try fixture.runner.run("diff", "main", "change").stdoutText
    let approvalLine = try #require(
      valid.split(separator: "\n").first { $0.contains("alice approves models/fraud.yaml") })
    #expect(approvalLine.contains("valid"), "\(approvalLine)")
    #expect(!approvalLine.contains("signed"), "\(approvalLine)")
    let approvals = try Self.json(fixture).filter { $0["category"] as? String == "approval" }
    #expect(
      approvals.count == 2 && approvals.allSatisfy { $0["approval_state"] as? String == "valid" })
    try fixture.repository.write(
      path: ".budgets/models/fraud.yaml", contents: GateFixture.budget(latency: "140ms"))
    try fixture.repository.commit(message: "Raise it further")
    let stale = try fixture.runner.run("diff", "main", "change").stdoutText
    let staleLine = try #require(
      stale.split(separator: "\n").first { $0.contains("alice approves models/fraud.yaml") })
    #expect(staleLine.contains("stale"), "\(staleLine)")
    #expect(!staleLine.contains("signed") && !staleLine.contains("valid"), "\(staleLine)")
    let markdown = try fixture.runner.run("diff", "main", "change", "--format", "markdown")
      .stdoutText
    #expect(markdown.contains("stale"), "\(markdown)")
    let states = try Self.json(fixture).filter { $0["category"] as? String == "approval" }.map {
      "\($0["note"] ?? "") \($0["approval_state"] ?? "")"
    }
    #expect(
      states.contains { $0.contains("models/fraud.yaml") && $0.hasSuffix("stale") }, "\(states)")
    #expect(
      states.contains { $0.contains("exceptions/peak.yaml") && $0.hasSuffix("valid") }, "\(states)")
  }
}
