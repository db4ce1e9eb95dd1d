import Foundation
import TestSupport
import Testing

/// `bursar gate` against real repositories and real SSH keys: a loosening needs its owners,
/// and every way around that is blocked with a reason.
@Suite struct GateAttackTests {
  private func required(_ json: [String: Any]) -> [[String: Any]] {
    json["required"] as? [[String: Any]] ?? []
  }

  private func loosen(_ fixture: GateFixture) throws {
    try fixture.repository.write(
      path: ".budgets/models/fraud.yaml", contents: GateFixture.budget(latency: "130ms"))
    try fixture.repository.commit(message: "Loosen latency")
  }

  @Test func aLooseningIsBlockedThenApprovedThenPasses() throws {
    let fixture = try GateFixture()
    try loosen(fixture)
    let blocked = try fixture.gate()
    #expect(blocked.status == 1)
    #expect(blocked.json["verdict"] as? String == "block")
    let need = try #require(required(blocked.json).first)
    #expect(need["path"] as? String == ".budgets/models/fraud.yaml")
    #expect(need["teams"] as? [String] == ["sre"])
    #expect(need["satisfied"] as? Bool == false)
    let text = try fixture.gateText()
    #expect(text.status == 1)
    #expect(text.stdoutText.contains("Must sign: alice"))
    #expect(try fixture.approve("alice").succeeded)
    let passed = try fixture.gate()
    #expect(passed.status == 0, "\(passed.text)")
    #expect(passed.json["verdict"] as? String == "pass")
    #expect(required(passed.json).first?["approvers"] as? [String] == ["alice"])
    #expect(try fixture.gateText().status == 0)
    #expect(
      try fixture.runner.run("gate", "--base", "main", "--format", "markdown").stdoutText.contains(
        "✅ pass"))
  }

  @Test func aTighteningNeedsNobody() throws {
    let fixture = try GateFixture()
    try fixture.repository.write(
      path: ".budgets/models/fraud.yaml", contents: GateFixture.budget(latency: "90ms"))
    try fixture.repository.commit(message: "Tighten")
    let result = try fixture.gate()
    #expect(result.status == 0)
    #expect(required(result.json).isEmpty)
  }

  @Test func anUnknownRevisionCannotRun() throws {
    let fixture = try GateFixture()
    #expect(try fixture.runner.run("gate", "--base", "no-such-branch").status == 2)
  }

  @Test func anApproverAddedToTheTeamInTheSameChangeDoesNotCount() throws {
    let fixture = try GateFixture()
    let carolInSRE =
      "\n      - { name: carol, email: carol@example.com, keys: [\"\(try fixture.publicKey("carol"))\"] }"
    try fixture.repository.write(
      path: ".budgets/owners.yaml",
      contents: try fixture.owners(rules: "{ loosen: owners }", extraSRE: carolInSRE))
    try loosen(fixture)
    #expect(try fixture.approve("carol").succeeded)
    let result = try fixture.gate()
    #expect(result.status == 1)
    let budgetNeed = try #require(
      required(result.json).first { $0["path"] as? String == ".budgets/models/fraud.yaml" })
    #expect(budgetNeed["satisfied"] as? Bool == false)
    // The Owners change itself needs governance.
    #expect(required(result.json).contains { $0["path"] as? String == ".budgets/owners.yaml" })
  }

  @Test func aKeyAddedInTheSameChangeDoesNotCount() throws {
    let fixture = try GateFixture()
    try fixture.repository.write(
      path: ".budgets/owners.yaml",
      contents: try fixture.owners(
        rules: "{ loosen: owners, max_exception_days: 30 }",
        aliceKeys: [try fixture.publicKey("alice"), try fixture.publicKey("mallory")]))
    try loosen(fixture)
    // approve checks the key against the base and refuses.
    let refused = try fixture.approve("alice", key: "mallory")
    #expect(refused.status == 2)
    #expect(refused.stderrText.contains("is not alice's in the owners of main"))
    // A record forged by hand with the new key is ignored by gate.
    let digest = try fixture.digest("models/fraud.yaml")
    try fixture.repository.write(
      path: ".budgets/approvals/alice.yaml",
      contents: try fixture.forge(
        by: "alice", path: "models/fraud.yaml", digest: digest, note: "ok", key: "mallory"))
    try fixture.repository.commit(message: "Forged")
    let result = try fixture.gate()
    #expect(result.status == 1)
    #expect(result.text.contains("not one of alice's keys"))
  }

  @Test func rulesRelaxedInTheSameChangeStillApply() throws {
    let fixture = try GateFixture()
    try fixture.repository.write(
      path: ".budgets/owners.yaml",
      contents: try fixture.owners(
        rules: "{ loosen: none, signatures: optional, self_approval: true }"))
    try loosen(fixture)
    let result = try fixture.gate()
    #expect(result.status == 1)
    let paths = required(result.json).compactMap { $0["path"] as? String }
    #expect(paths.contains(".budgets/models/fraud.yaml"))
    #expect(paths.contains(".budgets/owners.yaml"))
  }

  @Test func anApprovalSignedWithAnotherMembersKeyIsRefused() throws {
    let fixture = try GateFixture()
    try loosen(fixture)
    let digest = try fixture.digest("models/fraud.yaml")
    try fixture.repository.write(
      path: ".budgets/approvals/bob.yaml",
      contents: try fixture.forge(
        by: "bob", path: "models/fraud.yaml", digest: digest, note: "ok", key: "alice"))
    try fixture.repository.commit(message: "bob, signed by alice")
    let result = try fixture.gate()
    #expect(result.status == 1)
    #expect(result.text.contains("not one of bob's keys"))
  }

  @Test func aRecordEditedAfterSigningIsRefusedAsSSHKeygenAgrees() throws {
    let fixture = try GateFixture()
    try loosen(fixture)
    let digest = try fixture.digest("models/fraud.yaml")
    let record = try fixture.forge(
      by: "alice", path: "models/fraud.yaml", digest: digest, note: "ok", key: "alice")
    try fixture.repository.write(path: ".budgets/approvals/alice.yaml", contents: record)
    try fixture.repository.commit(message: "alice approves")
    #expect(try fixture.gate().status == 0)
    // The oracle agrees on the genuine record and on the tampered one.
    let signature =
      try #require(record.components(separatedBy: "signature: |\n").last)
      .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(
        separator: "\n") + "\n"
    let message = { (note: String) in
      "bursar-approval-v1\n{\"approves\":[{\"digest\":\"\(digest)\",\"path\":\"models/fraud.yaml\"}],\"by\":\"alice\",\"kind\":\"Approval\",\"note\":\"\(note)\",\"version\":\"1\"}"
    }
    #expect(
      try fixture.sshKeygenVerifies(
        message: message("ok"), signature: signature, principal: "alice", key: "alice"))
    #expect(
      try !fixture.sshKeygenVerifies(
        message: message("edited"), signature: signature, principal: "alice", key: "alice"))
    try fixture.repository.write(
      path: ".budgets/approvals/alice.yaml",
      contents: record.replacingOccurrences(of: "note: \"ok\"", with: "note: \"edited\""))
    try fixture.repository.commit(message: "Edit the note")
    let result = try fixture.gate()
    #expect(result.status == 1)
    #expect(result.text.contains("does not verify"))
  }

  @Test func anApprovalCopiedOntoAnotherFileIsRefused() throws {
    let fixture = try GateFixture()
    try fixture.repository.write(
      path: ".budgets/models/other.yaml",
      contents: GateFixture.budget(name: "other", latency: "200ms"))
    try fixture.repository.commit(message: "Another budget")
    #expect(try fixture.approve("alice").succeeded)
    // Copy the record onto the other file's path: the signature covers the path.
    let approvals = try FileManager.default.contentsOfDirectory(
      atPath: fixture.repository.absolutePath(".budgets/approvals"))
    let file = ".budgets/approvals/" + (try #require(approvals.first))
    let original = try String(
      contentsOfFile: fixture.repository.absolutePath(file), encoding: .utf8)
    try fixture.repository.write(
      path: file,
      contents: original.replacingOccurrences(of: "models/other.yaml", with: "models/fraud.yaml"))
    try loosen(fixture)
    let result = try fixture.gate()
    #expect(result.status == 1)
    #expect(result.text.contains("does not verify"))
  }

  @Test func aStaleApprovalCountsForNothing() throws {
    let fixture = try GateFixture()
    try loosen(fixture)
    #expect(try fixture.approve("alice").succeeded)
    #expect(try fixture.gate().status == 0)
    try fixture.repository.write(
      path: ".budgets/models/fraud.yaml", contents: GateFixture.budget(latency: "500ms"))
    try fixture.repository.commit(message: "Loosen further after the approval")
    let result = try fixture.gate()
    #expect(result.status == 1)
    #expect(result.text.contains("stale"))
    // Going back to the approved meaning (an older content) makes it count again; a copy
    // onto another content never does.
    try fixture.repository.write(
      path: ".budgets/models/fraud.yaml",
      contents: "# reformatted\n" + GateFixture.budget(latency: "0.13s"))
    try fixture.repository.commit(message: "Back to the approved value")
    #expect(try fixture.gate().status == 0)
  }

  @Test func aLooseningSplitAcrossCommitsIsOneLoosening() throws {
    let fixture = try GateFixture()
    for value in ["101ms", "102ms", "103ms", "104ms"] {
      try fixture.repository.write(
        path: ".budgets/models/fraud.yaml", contents: GateFixture.budget(latency: value))
      try fixture.repository.commit(message: "A little \(value)")
    }
    let result = try fixture.gate()
    #expect(result.status == 1)
    let reasons = required(result.json).first?["reasons"] as? [String] ?? []
    #expect(reasons.contains { $0.contains("100ms → 104ms") })
  }

  @Test(arguments: ["delete", "move", "environment", "exception"])
  func budgetsLoosenedSidewaysNeedTheirOwners(way: String) throws {
    let fixture = try GateFixture()
    let repository = fixture.repository
    switch way {
    case "delete":
      try repository.remove(path: ".budgets/models/fraud.yaml")
    case "move":
      try repository.remove(path: ".budgets/models/fraud.yaml")
      try repository.write(
        path: ".budgets/moved/fraud.yaml", contents: GateFixture.budget(latency: "130ms"))
    case "environment":
      try repository.write(
        path: ".budgets/models/fraud.yaml",
        contents: GateFixture.budget(latency: "100ms", staging: "900ms"))
    default:
      try repository.write(
        path: ".budgets/exceptions/peak.yaml",
        contents: """
          version: 1
          kind: Exception
          id: EXC-1
          budget: fraud
          environment: production
          metrics:
            latency_p95: { max: 130ms }
          reason: Peak season
          starts: 2026-11-20
          expires: 2026-12-01

          """)
    }
    try repository.commit(message: "Sideways: \(way)")
    let result = try fixture.gate()
    #expect(result.status == 1, "\(way): \(result.text)")
    let teams = required(result.json).flatMap { $0["teams"] as? [String] ?? [] }
    #expect(teams.contains("sre"), "\(way): \(result.text)")
    if way == "delete" { #expect(teams.contains("ml-eng"), "the accountable team signs a removal") }
  }

  @Test func anExceptionBeyondTheBasePolicyBlocksEvenWhenSigned() throws {
    let fixture = try GateFixture()
    try fixture.repository.write(
      path: ".budgets/exceptions/long.yaml",
      contents: """
        version: 1
        kind: Exception
        id: EXC-2
        budget: fraud
        environment: production
        metrics:
          latency_p95: { max: 130ms }
        reason: Long
        starts: 2026-01-01
        expires: 2026-03-31

        """)
    try fixture.repository.commit(message: "A long exception")
    #expect(try fixture.approve("alice").succeeded)
    let result = try fixture.gate()
    #expect(result.status == 1)
    #expect(result.text.contains("the base allows at most 30"))
  }

  @Test func aMemberOfTheWrongTeamDoesNotCount() throws {
    let fixture = try GateFixture()
    try loosen(fixture)
    // approve refuses a record that could count for nothing, and says who can sign.
    let refused = try fixture.approve("carol")
    #expect(refused.status == 1)
    #expect(refused.stderrText.contains("carol can give none of the sign-offs"))
    #expect(refused.stderrText.contains("needs sre (any); who can sign: alice, bob"))
    // Written by hand, the record is judged and does not count.
    try fixture.repository.write(
      path: ".budgets/approvals/carol.yaml",
      contents: try fixture.forge(
        by: "carol", path: "models/fraud.yaml", digest: try fixture.digest("models/fraud.yaml"),
        note: "ok", key: "carol"))
    try fixture.repository.commit(message: "carol approves")
    let result = try fixture.gate()
    #expect(result.status == 1)
    #expect(required(result.json).first?["approvers"] as? [String] == [])
  }

  @Test func selfApprovalDoesNotCount() throws {
    let fixture = try GateFixture()
    try fixture.repository.write(
      path: ".budgets/models/fraud.yaml", contents: GateFixture.budget(latency: "130ms"))
    try fixture.repository.git(
      ["commit", "-qam", "alice loosens"],
      environment: ["GIT_AUTHOR_NAME": "Alice", "GIT_AUTHOR_EMAIL": "alice@example.com"])
    // approve refuses the author; a record she signs anyway does not count.
    let refused = try fixture.approve("alice")
    #expect(refused.status == 1)
    #expect(refused.stderrText.contains("alice authored"), "\(refused.stderrText)")
    #expect(refused.stderrText.contains("who can sign: bob"), "\(refused.stderrText)")
    try fixture.repository.write(
      path: ".budgets/approvals/alice.yaml",
      contents: try fixture.forge(
        by: "alice", path: "models/fraud.yaml", digest: try fixture.digest("models/fraud.yaml"),
        note: "ok", key: "alice"))
    try fixture.repository.commit(message: "alice approves")
    let result = try fixture.gate()
    #expect(result.status == 1)
    #expect(result.text.contains("self-approval"))
    #expect(try fixture.approve("bob").succeeded)
    #expect(try fixture.gate().status == 0)
  }

  @Test func lookAlikeNamesAreRefused() throws {
    let fixture = try GateFixture()
    try loosen(fixture)
    let digest = try fixture.digest("models/fraud.yaml")
    // Cyrillic "а" in "аlice".
    try fixture.repository.write(
      path: ".budgets/approvals/fake.yaml",
      contents: try fixture.forge(
        by: "\u{0430}lice", path: "models/fraud.yaml", digest: digest, note: "ok", key: "mallory"))
    try fixture.repository.commit(message: "Look-alike")
    let result = try fixture.gate()
    #expect(result.status == 1)
    #expect(result.json["errors"] as? [String] != [])
    #expect(
      try fixture.runner.run("approve", "--as", "\u{0430}lice", "--key", fixture.keyPath("alice"))
        .status == 2)
  }

  @Test func approveNeverOverwritesAndRefusesStrangers() throws {
    let fixture = try GateFixture()
    try loosen(fixture)
    #expect(try fixture.approve("alice", commit: false).succeeded)
    let again = try fixture.approve("alice", commit: false)
    #expect(again.status == 2)
    #expect(again.stderrText.contains("never overwrites"))
    let stranger = try fixture.runner.run(
      "approve", "--as", "zed", "--key", fixture.keyPath("alice"), "--base", "main")
    #expect(stranger.status == 2)
    #expect(stranger.stderrText.contains("not a member"))
  }
}
