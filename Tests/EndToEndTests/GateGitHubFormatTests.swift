import Foundation
import TestSupport
import Testing

/// `bursar gate --format github`: GitHub Actions workflow commands, one per problem, that a
/// workflow turns into annotations on the pull request's files.
@Suite struct GateGitHubFormatTests {
  private func annotations(_ fixture: GateFixture) throws -> (status: Int32, lines: [String]) {
    let result = try fixture.runner.run("gate", "--base", "main", "--format", "github")
    return (result.status, result.stdoutText.split(separator: "\n").map(String.init))
  }

  @Test func aMissingSignOffIsAnErrorOnTheChangedFile() throws {
    let fixture = try GateFixture()
    try fixture.repository.write(
      path: ".budgets/models/fraud.yaml", contents: GateFixture.budget(latency: "130ms"))
    try fixture.repository.commit(message: "Loosen latency")
    let (status, lines) = try annotations(fixture)
    #expect(status == 1)
    #expect(
      lines == [
        "::error file=.budgets/models/fraud.yaml,title=bursar gate::needs sign-off by sre (any) (loosen fraud latency_p95: 100ms → 130ms); can sign: alice, bob"
      ])
  }

  @Test func anInvalidFileIsAnErrorAtItsLineAndColumn() throws {
    let fixture = try GateFixture()
    try fixture.repository.write(
      path: ".budgets/models/fraud.yaml",
      contents: GateFixture.budget(latency: "100ms").replacingOccurrences(
        of: "owner: ml-eng", with: "owner: ml-eng\nowner: sre"))
    try fixture.repository.commit(message: "A duplicate key")
    let (status, lines) = try annotations(fixture)
    #expect(status == 1)
    let invalid = try #require(lines.first)
    #expect(invalid.hasPrefix("::error file=.budgets/models/fraud.yaml,line=5,col=1,title=bursar "))
    // Every line is a workflow command of its own, whatever the message holds.
    #expect(lines.allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") })
  }

  @Test func anApprovalThatDoesNotCountIsAWarningOnTheRecord() throws {
    let fixture = try GateFixture()
    try fixture.repository.write(
      path: ".budgets/models/fraud.yaml", contents: GateFixture.budget(latency: "130ms"))
    let digest = try fixture.digest("models/fraud.yaml")
    try fixture.repository.write(
      path: ".budgets/approvals/bob.yaml",
      contents: try fixture.forge(
        by: "bob", path: "models/fraud.yaml", digest: digest, note: "ok", key: "mallory"))
    try fixture.repository.commit(message: "Loosen, with bob's approval signed by another key")
    let (status, lines) = try annotations(fixture)
    #expect(status == 1)
    #expect(lines.count == 2)
    #expect(lines.contains { $0.hasPrefix("::error file=.budgets/models/fraud.yaml,") })
    let warning = try #require(lines.first { $0.hasPrefix("::warning ") })
    #expect(
      warning.hasPrefix(
        "::warning file=.budgets/approvals/bob.yaml,title=bursar gate::approval by bob does not count: "
      ))
    #expect(warning.contains("not one of bob's keys"))
  }

  @Test func aPassingChangePrintsNothing() throws {
    let fixture = try GateFixture()
    try fixture.repository.write(
      path: ".budgets/models/fraud.yaml", contents: GateFixture.budget(latency: "130ms"))
    try fixture.repository.commit(message: "Loosen latency")
    #expect(try fixture.approve("alice").succeeded)
    let result = try fixture.runner.run("gate", "--base", "main", "--format", "github")
    #expect(result.status == 0, "\(result.stdoutText)\(result.stderrText)")
    #expect(result.stdoutText.isEmpty)
  }

  @Test func commasColonsAndLineBreaksAreEscaped() throws {
    let fixture = try GateFixture()
    try fixture.repository.write(
      path: ".budgets/models/a,b:c.yaml",
      contents: """
        version: 1
        kind: Budget
        name: search
        owner: ml-eng
        metrics:
          availability: { dimension: latency, slo: 99.9%, window: 30d }

        """)
    try fixture.repository.commit(message: "A budget whose file name holds a comma and a colon")
    let (status, lines) = try annotations(fixture)
    #expect(status == 1)
    let added = try #require(lines.first)
    #expect(added.hasPrefix("::error file=.budgets/models/a%2Cb%3Ac.yaml,title=bursar gate::"))
    // In the message, `%` is encoded and the rest kept as written.
    #expect(added.contains("99.9%25"))
    #expect(!added.contains("99.9%,") && !added.contains("99.9%)"))
  }
}
