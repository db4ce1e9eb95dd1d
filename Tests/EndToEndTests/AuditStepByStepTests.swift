import Foundation
import TestSupport
import Testing

/// `bursar audit` carries one tree from step to step and judges each step on the files it
/// changed; these histories are where that could go wrong: a change to one file that breaks a
/// check across files, Owners that change between steps, a file broken then fixed, merges.
/// Each step must be judged as `bursar gate --base PARENT --head COMMIT` judges it.
@Suite struct AuditStepByStepTests {
  /// The audit's findings, without those about exceptions over whole history.
  static func audit(_ repository: TemporaryRepository) throws -> [[String: String]] {
    let result = try BursarRunner(repository: repository).run(
      ["audit", "--format", "json", "--at", "2000-01-01", "main"])
    let object = try #require(
      try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any],
      "\(result.stderrText)")
    let findings = object["findings"] as? [[String: String]] ?? []
    #expect(result.status == (findings.isEmpty ? 0 : 1), "\(result.stderrText)")
    return findings.filter {
      $0["kind"] != "exception-too-long-in-total"
    }
  }

  static func kinds(_ findings: [[String: String]], at commit: String) -> [String] {
    findings.filter { $0["commit"] == commit }.compactMap { $0["kind"] }.sorted()
  }

  private func onMain() throws -> GateFixture {
    let fixture = try GateFixture()
    try fixture.repository.git("checkout", "-q", "main")
    return fixture
  }

  @Test func aBudgetRemovedUnderAnExceptionInAnotherFileLeavesTheTreeInvalid() throws {
    let fixture = try onMain()
    let repository = fixture.repository
    try repository.write(
      path: ".budgets/exceptions/peak.yaml",
      contents: AuditHistory.exception(budget: "fraud", expires: "2099-01-20"))
    try repository.write(
      path: ".budgets/models/search.yaml",
      contents: GateFixture.budget(name: "search", latency: "100ms"))
    try repository.commit(message: "An exception and another budget")
    try repository.remove(path: ".budgets/models/fraud.yaml")
    let removal = try repository.commit(message: "Remove fraud")
    try repository.write(
      path: ".budgets/models/search.yaml",
      contents: GateFixture.budget(name: "search", latency: "90ms"))
    let later = try repository.commit(message: "Tighten search")
    let findings = try Self.audit(repository)
    let broken = findings.filter { $0["commit"] == removal && $0["kind"] == "invalid-tree" }
    #expect(broken.map { $0["path"] } == [".budgets/exceptions/peak.yaml"])
    #expect(broken.first?["detail"]?.contains("unknown-budget") == true)
    // Removing a whole budget needs its owners and its accountable team: two sign-offs.
    #expect(Self.kinds(findings, at: removal) == ["invalid-tree", "unsigned", "unsigned"])
    // The tree stays invalid until someone fixes it, and each step says so.
    #expect(Self.kinds(findings, at: later) == ["invalid-tree"])
    try AuditHistory.expectAgreementWithGate(repository, findings)
  }

  @Test func aDuplicateNameAcrossAnUntouchedAndAChangedFileIsJudgedAsTheWholeTree() throws {
    let fixture = try onMain()
    let repository = fixture.repository
    // `models/extra.yaml` sorts before `models/fraud.yaml`, so it now defines `fraud`.
    try repository.write(
      path: ".budgets/models/extra.yaml", contents: GateFixture.budget(latency: "150ms"))
    let duplicate = try repository.commit(message: "A second fraud")
    let findings = try Self.audit(repository)
    let invalid = findings.filter { $0["commit"] == duplicate && $0["kind"] == "invalid-tree" }
    #expect(
      Set(invalid.compactMap { $0["path"] })
        == [".budgets/models/extra.yaml", ".budgets/models/fraud.yaml"])
    let unsigned = findings.filter { $0["commit"] == duplicate && $0["kind"] == "unsigned" }
    #expect(unsigned.map { $0["path"] } == [".budgets/models/extra.yaml"])
    try AuditHistory.expectAgreementWithGate(repository, findings)
  }

  @Test func eachStepIsJudgedByTheOwnersOfItsOwnBase() throws {
    let fixture = try onMain()
    let repository = fixture.repository
    let carolInSRE =
      "\n      - { name: carol, email: carol@example.com, keys: [\"\(try fixture.publicKey("carol"))\"] }"
    try repository.write(
      path: ".budgets/owners.yaml",
      contents: try fixture.owners(
        rules:
          "{ loosen: owners, max_exception_days: 30, signatures: required, self_approval: false }",
        extraSRE: carolInSRE))
    let ownersChange = try repository.commit(message: "carol joins sre, unsigned")
    // Carol's approval counts from the next step on, as the base now lists her in sre.
    try repository.write(
      path: ".budgets/models/fraud.yaml", contents: GateFixture.budget(latency: "130ms"))
    try AuditHistory.approve(fixture, by: "carol", key: "carol")
    let approved = try repository.commit(message: "Loosen, approved by carol")
    let findings = try Self.audit(repository)
    #expect(Self.kinds(findings, at: ownersChange) == ["unsigned"])
    #expect(findings.first?["path"] == ".budgets/owners.yaml")
    #expect(Self.kinds(findings, at: approved) == [])
    try AuditHistory.expectAgreementWithGate(repository, findings)
  }

  @Test func aFileBrokenInOneStepAndFixedInALaterOneIsJudgedAtEachStep() throws {
    let fixture = try onMain()
    let repository = fixture.repository
    try repository.write(path: ".budgets/models/fraud.yaml", contents: "kind: Budget\nname: [x\n")
    let broken = try repository.commit(message: "Break fraud")
    try repository.write(
      path: ".budgets/models/search.yaml",
      contents: GateFixture.budget(name: "search", latency: "100ms"))
    let meanwhile = try repository.commit(message: "Add search while fraud is broken")
    try repository.write(
      path: ".budgets/models/fraud.yaml", contents: GateFixture.budget(latency: "130ms"))
    let fixed = try repository.commit(message: "Fix fraud, looser")
    let findings = try Self.audit(repository)
    #expect(Self.kinds(findings, at: broken).contains("invalid-tree"))
    #expect(Self.kinds(findings, at: meanwhile).contains("invalid-tree"))
    #expect(!Self.kinds(findings, at: fixed).contains("invalid-tree"))
    #expect(Self.kinds(findings, at: fixed).contains("unsigned"))
    try AuditHistory.expectAgreementWithGate(repository, findings)
  }

  @Test func aMergeIsOneStepWhoseAuthorsAreAllItBringsIn() throws {
    let fixture = try GateFixture()
    let repository = fixture.repository
    // On the branch, carol (of ml-eng) loosens latency, then approves it herself: she is an
    // author of the merged step and self-approval is off, so her approval does not count.
    try repository.write(
      path: ".budgets/models/fraud.yaml", contents: GateFixture.budget(latency: "130ms"))
    try AuditHistory.commit(repository, "Loosen latency", author: "carol")
    try AuditHistory.approve(fixture, by: "carol", key: "carol")
    try AuditHistory.commit(repository, "carol approves", author: "carol")
    try repository.git("checkout", "-q", "main")
    try repository.git(
      ["merge", "-q", "--no-ff", "-m", "Merge change", "change"],
      environment: repository.commitDateEnvironment())
    let merge = try repository.git("rev-parse", "HEAD")
    let findings = try Self.audit(repository)
    #expect(Self.kinds(findings, at: merge) == ["unsigned", "unverified-approval"])
    let approval = try #require(findings.first { $0["kind"] == "unverified-approval" })
    #expect(approval["detail"]?.contains("carol") == true)
    try AuditHistory.expectAgreementWithGate(repository, findings)
  }

  @Test(arguments: [11, 12, 13] as [UInt64])
  func aGeneratedHistoryIsJudgedAsGateJudgesEachStep(seed: UInt64) throws {
    let history = try AuditHistory(seed: seed, steps: 24)
    let findings = try Self.audit(history.fixture.repository)
    try AuditHistory.expectAgreementWithGate(history.fixture.repository, findings)
    // The history exercised what it was meant to.
    let kinds = Set(findings.compactMap { $0["kind"] })
    #expect(kinds.isSuperset(of: ["unsigned", "invalid-tree"]), "\(kinds)")
    #expect(history.operations.count > 20)
  }
}
