import Foundation
import TestSupport
import Testing

/// The review flow a team follows, with a bare server and one clone per person: the author
/// pushes a branch, owners approve it in their own clones, commit their own records and push,
/// and an owner merges it. Self-approval is about who changed the governed files.
@Suite struct ReviewFlowTests {
  private func required(_ json: [String: Any]) -> [[String: Any]] {
    json["required"] as? [[String: Any]] ?? []
  }

  private func approvals(_ json: [String: Any]) -> [[String: Any]] {
    json["approvals"] as? [[String: Any]] ?? []
  }

  @Test func anOwnerApprovesAPushedBranchCommitsHerRecordAndMergesIt() throws {
    let team = try TeamFixture()
    // The server gates what is pushed, and every clone runs bursar's hooks: nothing below
    // skips them.
    let server = try BursarCLI.run(["hooks", "install", "--server"], in: team.server.path)
    #expect(server.status == 0, "\(server.stderrText)")
    _ = try team.bursar("bob", "hooks", "install")
    try team.bobPushesReviewBranch(latency: "130ms", verify: true)
    try team.checkOutReview("alice")
    _ = try team.bursar("alice", "hooks", "install")
    let approved = try team.approve("alice")
    #expect(approved.status == 0, "\(approved.stderrText)")
    // The base is where the branch leaves the default branch, and the output says so.
    #expect(
      approved.stdoutText.contains("where HEAD leaves the default branch origin/main"),
      "\(approved.stdoutText)")
    #expect(approved.stdoutText.contains("models/fraud.yaml"))
    let record = try #require(TeamFixture.writtenRecord(approved))
    #expect(approved.stdoutText.contains("git add \(record) && git commit"))
    #expect(approved.stdoutText.contains("&& git push"))
    // alice commits her own record and pushes it: the pre-push gate passes.
    try team.must("alice", "add", "-A")
    try team.must("alice", "commit", "-q", "-m", "alice approves the loosening")
    let pushed = try team.git("alice", "push", "-q", "origin", "loosen")
    #expect(pushed.status == 0, "\(pushed.stderrText)")
    let gate = try team.gate("alice")
    #expect(gate.status == 0, "\(gate.text)")
    #expect(!gate.text.contains("does not count"), "\(gate.text)")
    #expect(required(gate.json).first?["approvers"] as? [String] == ["alice"])
    // alice merges the approved branch with --no-ff: her merge resolves nothing.
    try team.must("alice", "checkout", "-q", "main")
    // Its loosening comes from bob's commit, which carries its own Budget-Rationale, so
    // commit-msg asks the merge for none.
    try team.must("alice", "merge", "-q", "--no-ff", "-m", "Merge loosen", "loosen")
    let merged = try team.gate("alice", base: "origin/main", head: "main")
    #expect(merged.status == 0, "\(merged.text)")
    let landed = try team.git("alice", "push", "-q", "origin", "main")
    #expect(landed.status == 0, "\(landed.stderrText)")
    #expect(try team.server.git("rev-parse", "main") == team.must("alice", "rev-parse", "main"))
    let audit = try team.bursar("alice", "audit", "main")
    #expect(audit.status == 0, "\(audit.stdoutText)")
  }

  @Test func severalOwnersEachCommitTheirOwnApproval() throws {
    let team = try TeamFixture()
    try team.bobPushesReviewBranch(latency: "100ms", gap: "5%")
    var last: (status: Int32, json: [String: Any], text: String)?
    for name in ["carol", "erin", "frank"] {
      try team.checkOutReview(name)
      let before = try team.gate(name)
      #expect(before.status == 1, "\(name): \(before.text)")
      let result = try team.approve(name)
      #expect(result.status == 0, "\(name): \(result.stderrText)")
      try team.commitAll(name, message: "\(name) approves the fairness loosening")
      try team.must(name, "push", "-q", "--no-verify", "origin", "loosen")
      last = try team.gate(name)
    }
    let final = try #require(last)
    #expect(final.status == 0, "\(final.text)")
    #expect(required(final.json).first?["approvers"] as? [String] == ["carol", "erin", "frank"])
    // frank merges with --no-ff; the merge and main's history are clean.
    try team.must("frank", "checkout", "-q", "main")
    try team.must("frank", "merge", "-q", "--no-ff", "-m", "Merge loosen", "loosen")
    #expect(try team.gate("frank", head: "main").status == 0)
    #expect(try team.bursar("frank", "audit", "main").status == 0)
  }

  @Test func theAuthorApprovingHerOwnLooseningInASeparateCommitIsBlocked() throws {
    let team = try TeamFixture()
    try team.must("alice", "checkout", "-q", "-b", "loosen")
    try team.clone("alice").write(
      path: TeamFixture.fraud, contents: TeamFixture.budget(latency: "130ms", gap: "3%"))
    // Before her commit nothing is hers yet, so approve writes the record.
    let early = try team.approve("alice")
    #expect(early.status == 0, "\(early.stderrText)")
    let record = try #require(TeamFixture.writtenRecord(early))
    try team.must("alice", "add", TeamFixture.fraud)
    try team.must("alice", "commit", "-q", "--no-verify", "-m", "Loosen latency")
    try team.must("alice", "add", record)
    try team.must("alice", "commit", "-q", "--no-verify", "-m", "alice approves")
    let gate = try team.gate("alice")
    #expect(gate.status == 1)
    #expect(gate.text.contains("alice authored"), "\(gate.text)")
    #expect(gate.text.contains("\"Loosen latency\""), "\(gate.text)")
    #expect(gate.text.contains("self-approval"), "\(gate.text)")
    #expect(gate.text.contains("who can sign: bob"), "\(gate.text)")
    #expect(gate.text.contains("Must sign: bob"), "\(gate.text)")
    #expect(!gate.text.contains("the base Owners file must change first"))
    let markdown = try team.bursar("alice", "gate", "--base", "origin/main", "--format", "markdown")
    #expect(markdown.stdoutText.contains("not counted: alice authored"), "\(markdown.stdoutText)")
    // Now that she authored it, approve refuses her and names who can sign.
    let again = try team.approve("alice")
    #expect(again.status == 1)
    #expect(again.stderrText.contains("alice authored"), "\(again.stderrText)")
    #expect(again.stderrText.contains("who can sign: bob"), "\(again.stderrText)")
  }

  @Test func approveBySomeoneWhoOwnsNothingTheChangeNeedsIsRefused() throws {
    let team = try TeamFixture()
    try team.bobPushesReviewBranch(latency: "100ms", gap: "5%")
    try team.checkOutReview("alice")
    let refused = try team.approve("alice")
    #expect(refused.status == 1)
    #expect(refused.stderrText.contains("alice can give none of the sign-offs"))
    #expect(
      refused.stderrText.contains(
        ".budgets/models/fraud.yaml needs ml-eng, product, legal (all); who can sign: carol, erin, frank"
      ), "\(refused.stderrText)")
    let folder = try team.clone("alice").absolutePath(".budgets/approvals")
    #expect((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] == [])
    // bob, the author, is refused too, on his own branch.
    let bob = try team.approve("bob")
    #expect(bob.status == 1)
  }

  @Test func gateMentionsARecordThatIsNotCommitted() throws {
    let team = try TeamFixture()
    try team.bobPushesReviewBranch()
    try team.checkOutReview("alice")
    let approved = try team.approve("alice")
    let record = try #require(TeamFixture.writtenRecord(approved))
    let gate = try team.gate("alice")
    #expect(gate.status == 1)
    #expect(gate.text.contains("Not committed, so not judged: \(record)"), "\(gate.text)")
    #expect(gate.json["uncommitted_approvals"] as? [String] == [record])
    try team.commitAll("alice", message: "alice approves")
    let committed = try team.gate("alice")
    #expect(committed.status == 0)
    #expect(!committed.text.contains("Not committed"))
    // A bare repository has no work tree to mention.
    let bare = try BursarCLI.run(
      ["gate", "--base", "main", "--head", "loosen", "--format", "json"], in: team.server.path)
    let object = try JSONSerialization.jsonObject(with: bare.stdout) as? [String: Any]
    #expect(object?["uncommitted_approvals"] as? [String] == [])
  }

  @Test func gateListsOnlyTheRecordsThatBearOnTheChangeWithTheRightReason() throws {
    let team = try TeamFixture()
    // A first change lands: bob loosens search, alice approves it, it merges.
    try team.must("bob", "checkout", "-q", "-b", "search")
    try team.commit(
      "bob", TeamFixture.search, TeamFixture.budget(name: "search", latency: "250ms", gap: "5%"),
      message: "Loosen search")
    let search = try team.bursar("bob", "approve", "--as", "alice", "--key", team.keyPath("alice"))
    #expect(search.status == 0, "\(search.stderrText)")
    try team.commitAll("bob", message: "alice's approval of search")
    try team.must("bob", "checkout", "-q", "main")
    try team.must("bob", "merge", "-q", "--no-ff", "-m", "Merge search", "search")
    // A second one: alice approves fraud at 130ms on main (fresh in the base) ...
    try team.clone("bob").write(
      path: TeamFixture.fraud, contents: TeamFixture.budget(latency: "130ms", gap: "3%"))
    let fraud = try team.bursar(
      "bob", "approve", "--as", "alice", "--key", team.keyPath("alice"), "--base", "HEAD")
    #expect(fraud.status == 0, "\(fraud.stderrText)")
    try team.commitAll("bob", message: "Loosen fraud, approved by alice")
    try team.must("bob", "push", "-q", "--no-verify", "origin", "main")
    // ... then alice loosens fraud further herself.
    try team.checkOutReview("alice", branch: "main")
    try team.must("alice", "checkout", "-q", "-b", "further")
    try team.commit(
      "alice", TeamFixture.fraud, TeamFixture.budget(latency: "150ms", gap: "3%"),
      message: "Loosen fraud further")
    let gate = try team.gate("alice")
    #expect(gate.status == 1)
    let listed = approvals(gate.json)
    // Only her fraud record bears on this change (it bound the file the change alters); her
    // search record is history. The fraud record is stale, which is the reason given.
    #expect(listed.count == 1, "\(listed)")
    let fraudRecord = try #require(listed.first)
    #expect(fraudRecord["genuine"] as? Bool == true, "\(fraudRecord)")
    #expect(fraudRecord["stale"] as? [String] == [TeamFixture.fraud])
    #expect(gate.text.contains("stale for \(TeamFixture.fraud)"), "\(gate.text)")
    #expect(!gate.text.contains("self-approval"), "\(gate.text)")
    #expect(!gate.text.contains("models/search.yaml"), "\(gate.text)")
  }

  @Test func aOnePersonRepositorySaysWhatAnApproverNeeds() throws {
    for withKey in [true, false] {
      let repository = try TemporaryRepository()
      let keys = try TemporaryDirectory(prefix: "bursar-solo")
      _ = try runProcess(
        "ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", keys.path + "/solo"], cwd: keys.path)
      let key = try String(contentsOfFile: keys.path + "/solo.pub", encoding: .utf8)
        .trimmingCharacters(in: .whitespacesAndNewlines)
      try repository.write(
        path: ".budgets/owners.yaml",
        contents: """
          version: 1
          kind: Owners
          teams:
            platform:
              members:
                - { name: solo, email: solo@example.com, keys: [\(withKey ? "\"\(key)\"" : "")] }
          dimensions:
            latency: { owners: [platform] }
            fairness: { owners: [platform] }
          rules: \(TeamFixture.strictRules)
          governance: { owners: [platform] }

          """)
      try repository.write(
        path: TeamFixture.fraud, contents: TeamFixture.budget(latency: "100ms", gap: "3%"))
      try repository.commit(message: "Budgets")
      try repository.write(
        path: TeamFixture.fraud, contents: TeamFixture.budget(latency: "130ms", gap: "3%"))
      try repository.git(
        ["commit", "-qam", "Loosen"], environment: TeamFixture.identity("solo"))
      let gate = try BursarCLI.run(["gate", "--base", "HEAD~1"], in: repository.path)
      let text = gate.stdoutText
      #expect(gate.status == 1)
      #expect(text.contains("who can sign: nobody"), "\(text)")
      #expect(
        text.contains(
          "An approver must be a member of a team the sign-off lists, with a key in the base revision's Owners file"
        ), "\(text)")
      #expect(!text.contains("the base Owners file must change first"))
      if withKey {
        #expect(text.contains("solo authored"), "\(text)")
        #expect(text.contains("self_approval: true"), "\(text)")
      } else {
        #expect(text.contains("solo has no key in the base owners"), "\(text)")
      }
    }
  }

  @Test func theDefaultBranchIsFoundWithoutAssumingMain() throws {
    for (branch, configured) in [("master", nil), ("trunk", "trunk")] as [(String, String?)] {
      let fixture = try GateFixture()
      let repository = fixture.repository
      try repository.git("branch", "-m", "main", branch)
      if let configured { try repository.git("config", "init.defaultBranch", configured) }
      try repository.write(
        path: ".budgets/models/fraud.yaml", contents: GateFixture.budget(latency: "130ms"))
      try repository.commit(message: "Loosen")
      let approved = try fixture.runner.run(
        "approve", "--as", "alice", "--key", fixture.keyPath("alice"))
      #expect(approved.status == 0, "\(branch): \(approved.stderrText)")
      #expect(
        approved.stdoutText.contains("where HEAD leaves the default branch \(branch)"),
        "\(approved.stdoutText)")
    }
  }

  @Test(arguments: ["main...nonexistent", "main..nonexistent", "nonexistent..main"])
  func aRangeNamesItsUnknownSide(range: String) throws {
    let fixture = try GateFixture()
    let result = try fixture.runner.run("diff", range)
    #expect(result.status == 2)
    #expect(result.stderrText.contains("Unknown revision 'nonexistent'"), "\(result.stderrText)")
  }
}
