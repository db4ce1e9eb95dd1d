import Foundation
import TestSupport
import Testing

/// `bursar audit` re-judges what landed on first-parent history against each step's own base.
struct AuditEndToEndTests {
  private func audit(_ fixture: GateFixture, _ arguments: String...) throws -> (
    status: Int32, findings: [[String: Any]]
  ) {
    let result = try fixture.runner.run(["audit", "--format", "json"] + arguments)
    let object = (try? JSONSerialization.jsonObject(with: result.stdout)) as? [String: Any]
    return (result.status, object?["findings"] as? [[String: Any]] ?? [])
  }

  @Test func aLooseningPushedStraightToMainIsFound() throws {
    let fixture = try GateFixture()
    try fixture.repository.git("checkout", "-q", "main")
    try fixture.repository.write(
      path: ".budgets/models/fraud.yaml", contents: GateFixture.budget(latency: "150ms"))
    let loosening = try fixture.repository.commit(message: "raise the cap, no review")
    let (status, findings) = try audit(fixture, "main")
    #expect(status == 1)
    #expect(findings.count == 1)
    #expect(findings.first?["kind"] as? String == "unsigned")
    #expect(findings.first?["commit"] as? String == loosening)
    #expect(findings.first?["path"] as? String == ".budgets/models/fraud.yaml")
  }

  @Test func anApprovedLooseningMergedIsClean() throws {
    let fixture = try GateFixture()
    try fixture.repository.write(
      path: ".budgets/models/fraud.yaml", contents: GateFixture.budget(latency: "150ms"))
    try fixture.repository.commit(message: "raise the cap")
    #expect(try fixture.approve("alice").succeeded)
    try fixture.repository.git("checkout", "-q", "main")
    try fixture.repository.git("merge", "-q", "--no-ff", "-m", "Merge change", "change")
    let (status, findings) = try audit(fixture, "main")
    #expect(status == 0, "\(findings)")
    #expect(findings.isEmpty)
    // The same history with the approval left out of the merge is found.
    try fixture.repository.git("reset", "-q", "--hard", "HEAD~1")
    try fixture.repository.git("merge", "-q", "--no-ff", "-m", "Merge without approval", "change~1")
    #expect(try audit(fixture, "main").findings.map { $0["kind"] as? String } == ["unsigned"])
  }

  @Test func tightenedChangesNeedNothingAndRangesLimitTheWalk() throws {
    let fixture = try GateFixture()
    try fixture.repository.git("checkout", "-q", "main")
    try fixture.repository.write(
      path: ".budgets/models/fraud.yaml", contents: GateFixture.budget(latency: "150ms"))
    try fixture.repository.commit(message: "loosen")
    try fixture.repository.write(
      path: ".budgets/models/fraud.yaml", contents: GateFixture.budget(latency: "90ms"))
    try fixture.repository.commit(message: "tighten")
    #expect(try audit(fixture, "main").status == 1)
    let ranged = try audit(fixture, "main~1..main")
    #expect(ranged.status == 0)
    #expect(ranged.findings.isEmpty)
  }

  @Test func anExpiredExceptionLeftInTheTreeIsHistoryNotAFinding() throws {
    let fixture = try GateFixture()
    try fixture.repository.git("checkout", "-q", "main")
    try fixture.repository.write(
      path: ".budgets/exceptions/peak.yaml",
      contents: """
        version: 1
        kind: Exception
        id: EXC-1
        budget: fraud
        metrics:
          latency_p95: { max: 130ms }
        reason: Peak traffic.
        starts: 2026-01-01
        expires: 2026-01-10

        """)
    try fixture.repository.commit(message: "exception, no review")
    let found = try audit(fixture, "--at", "2026-02-01", "main").findings.compactMap {
      $0["kind"] as? String
    }
    #expect(found == ["unsigned"])
    let later = try audit(fixture, "--at", "2030-01-01", "main").findings.compactMap {
      $0["kind"] as? String
    }
    #expect(later == ["unsigned"])
  }

  @Test func csvAndMarkdownCarryTheSameFindings() throws {
    let fixture = try GateFixture()
    try fixture.repository.git("checkout", "-q", "main")
    try fixture.repository.write(
      path: ".budgets/models/fraud.yaml", contents: GateFixture.budget(latency: "150ms"))
    try fixture.repository.commit(message: "=HYPERLINK(\"x\")")
    let csv = try fixture.runner.run("audit", "--format", "csv", "main")
    #expect(csv.status == 1)
    let lines = csv.stdoutText.split(separator: "\n")
    #expect(lines.first == "kind,commit,date,author,path,detail")
    #expect(lines.count == 2 && lines[1].hasPrefix("unsigned,"))
    let markdown = try fixture.runner.run("audit", "--format", "markdown", "main")
    #expect(markdown.stdoutText.contains("| unsigned |"))
    #expect(try fixture.runner.run("audit", "no-such-branch").status == 2)
  }

  @Test func anApprovalSignedWithAnotherMembersKeyIsFound() throws {
    let fixture = try GateFixture()
    try fixture.repository.git("checkout", "-q", "main")
    try fixture.repository.write(
      path: ".budgets/models/fraud.yaml", contents: GateFixture.budget(latency: "150ms"))
    let digest = try fixture.digest("models/fraud.yaml")
    let record = try fixture.forge(
      by: "alice", path: "models/fraud.yaml", digest: digest, note: "ok", key: "mallory")
    try fixture.repository.write(path: ".budgets/approvals/alice.yaml", contents: record)
    try fixture.repository.commit(message: "loosen, with a forged approval")
    let kinds = try audit(fixture, "main").findings.compactMap { $0["kind"] as? String }.sorted()
    #expect(kinds == ["unsigned", "unverified-approval"])
  }

  @Test func anExceptionExtendedStepByStepPastTheLimitIsFound() throws {
    let fixture = try GateFixture()
    try fixture.repository.git("checkout", "-q", "main")
    func exception(starts: String, expires: String) -> String {
      "version: 1\nkind: Exception\nid: EXC-7\nbudget: fraud\nmetrics:\n  latency_p95: { max: 130ms }\n"
        + "reason: Peak traffic.\nstarts: \(starts)\nexpires: \(expires)\n"
    }
    try fixture.repository.write(
      path: ".budgets/exceptions/e.yaml",
      contents: exception(starts: "2026-01-01", expires: "2026-01-25"))
    try fixture.repository.commit(message: "exception")
    let first = try audit(fixture, "--at", "2026-01-02", "main").findings.compactMap {
      $0["kind"] as? String
    }
    #expect(!first.contains("exception-too-long-in-total"))
    try fixture.repository.write(
      path: ".budgets/exceptions/e.yaml",
      contents: exception(starts: "2026-01-20", expires: "2026-02-15"))
    let extended = try fixture.repository.commit(message: "extend it, each step within 30 days")
    let findings = try audit(fixture, "--at", "2026-01-21", "main").findings
    let total = try #require(
      findings.first { $0["kind"] as? String == "exception-too-long-in-total" })
    #expect(total["commit"] as? String == extended)
    #expect((total["detail"] as? String)?.contains("46 days") == true)
  }
}
