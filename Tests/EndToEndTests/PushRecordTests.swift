import Foundation
import TestSupport
import Testing

/// The server records accepted pushes of protected refs as notes, and `audit` and `blame` use
/// them: an approved branch fast-forwarded onto main is one push; without the record the
/// approval is late, and a loosening nobody approved stays unsigned.
@Suite("Audit: how changes landed")
struct PushRecordTests {
  /// bob's clone (a `GateFixture`), a bare server with bursar's server hooks, and clones of it.
  final class Landing {
    let bob: GateFixture
    let server: TemporaryRepository

    init() throws {
      bob = try GateFixture()
      server = try TemporaryRepository(cloning: bob.repository.path, bare: true)
      try server.git("symbolic-ref", "HEAD", "refs/heads/main")
      let installed = try BursarCLI.run(["hooks", "install", "--server"], in: server.path)
      precondition(installed.status == 0, installed.stderrText)
      try bob.repository.git("remote", "add", "origin", server.path)
      try bob.repository.git("fetch", "-q", "origin")
    }

    /// A clone of the server, as another person has it.
    func clone() throws -> TemporaryRepository {
      try TemporaryRepository(cloning: server.path)
    }

    /// `git push` with the hooks finding the bursar under test; failures are returned.
    func push(_ repository: TemporaryRepository, _ arguments: String...) throws -> ProcessResult {
      let environment = TemporaryRepository.environment(try HookFixture.environment)
      return try runProcess(
        "git", ["push"] + arguments, environment: environment, cwd: repository.path)
    }

    func audit(_ repository: TemporaryRepository, _ range: String) throws -> (
      status: Int32, findings: [[String: String]]
    ) {
      let result = try BursarCLI.run(["audit", "--format", "json", range], in: repository.path)
      let object = (try? JSONSerialization.jsonObject(with: result.stdout)) as? [String: Any]
      let findings = (object?["findings"] as? [[String: Any]] ?? []).map { finding in
        var flat = finding.compactMapValues { $0 as? String }
        if let approval = finding["approval"] as? [String: Any] {
          flat["approval.commit"] = approval["commit"] as? String
          flat["approval.by"] = (approval["by"] as? [String])?.joined(separator: ",")
          flat["approval.after_seconds"] = (approval["after_seconds"] as? Int).map(String.init)
        }
        return flat
      }
      return (result.status, findings)
    }
  }

  /// bob loosens on `change` and pushes it for review; alice approves on the branch, 3h 5m
  /// later, and fast-forwards main to it. Returns the two commits and alice's clone.
  private func landByFastForward(_ landing: Landing) throws -> (
    loosening: String, approval: String, alice: TemporaryRepository
  ) {
    let bob = landing.bob.repository
    try bob.write(
      path: ".budgets/models/fraud.yaml", contents: GateFixture.budget(latency: "150ms"))
    let loosening = try bob.commit(message: "raise the cap\n\nBudget-Rationale: peak traffic")
    let review = try landing.push(bob, "origin", "change")
    #expect(review.status == 0, "\(review.stderrText)")
    #expect(review.stderrText.contains("refs/heads/change: accepted for review"))

    let alice = try landing.clone()
    try alice.git("checkout", "-q", "change")
    let approved = try BursarCLI.run(
      ["approve", "--as", "alice", "--key", landing.bob.keyPath("alice"), "--base", "origin/main"],
      in: alice.path)
    #expect(approved.status == 0, "\(approved.stderrText)")
    let loosened = try Double(bob.git("log", "-1", "--format=%ct", loosening)) ?? 0
    let approval = try alice.commit(
      message: "alice approves", date: Date(timeIntervalSince1970: loosened + 3 * 3600 + 300))
    #expect(try landing.push(alice, "origin", "change").status == 0)
    try alice.git("checkout", "-q", "main")
    try alice.git("merge", "-q", "--ff-only", "change")
    let landed = try landing.push(alice, "origin", "main")
    #expect(landed.status == 0, "\(landed.stderrText)")
    #expect(landed.stderrText.contains("refs/heads/main: budgets pass"))
    return (loosening, approval, alice)
  }

  @Test("the server's note names the ref, the old tip and the new tip of the landing push")
  func theNoteRecordsThePush() throws {
    let landing = try Landing()
    let oldMain = try landing.server.git("rev-parse", "main")
    let (_, approval, _) = try landByFastForward(landing)
    let note = try landing.server.git(
      "notes", "--ref", "refs/notes/bursar/pushes", "show", approval)
    #expect(note.contains("bursar-push: 1"))
    #expect(note.contains("ref: refs/heads/main"))
    #expect(note.contains("old: \(oldMain)"))
    #expect(note.contains("new: \(approval)"))
    // The review branch is not protected, so its pushes are not recorded.
    #expect(
      try landing.server.gitLines("notes", "--ref", "refs/notes/bursar/pushes", "list").count == 1)
  }

  @Test(
    "a fast-forward landing is one push once the notes are fetched, and approved-late without them")
  func fastForwardLanding() throws {
    let landing = try Landing()
    let (loosening, approval, _) = try landByFastForward(landing)
    let carol = try landing.clone()

    let late = try landing.audit(carol, "origin/main")
    #expect(late.status == 1)
    #expect(late.findings.map { $0["kind"] } == ["approved-late"])
    let finding = try #require(late.findings.first)
    #expect(finding["commit"] == loosening)
    #expect(finding["path"] == ".budgets/models/fraud.yaml")
    let detail = finding["detail"] ?? ""
    #expect(detail.contains("approved by alice in \(approval.prefix(7))"), "\(detail)")
    #expect(detail.contains("3h 5m later"), "\(detail)")
    #expect(finding["approval.commit"] == approval)
    #expect(finding["approval.by"] == "alice")
    let loosened = try Int(carol.git("log", "-1", "--format=%ct", loosening)) ?? 0
    let approved = try Int(carol.git("log", "-1", "--format=%ct", approval)) ?? 0
    #expect(finding["approval.after_seconds"] == String(approved - loosened))
    #expect(approved - loosened == 3 * 3600 + 300)

    let blame = try BursarCLI.run(
      ["blame", "--rev", "origin/main", "fraud", "latency_p95"], in: carol.path)
    #expect(blame.status == 0, "\(blame.stderrText)")
    let line = try #require(blame.stdoutText.split(separator: "\n").first { $0.contains("150ms") })
    #expect(line.contains("approved by alice 3h 5m later (\(approval.prefix(7))"), "\(line)")
    #expect(!line.contains("no approval"))
    let json = try BursarCLI.run(
      ["blame", "--rev", "origin/main", "--format", "json", "fraud", "latency_p95"], in: carol.path)
    let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
    let newest = try #require((object["history"] as? [[String: Any]])?.first)
    let lateApprovals = newest["late_approvals"] as? [[String: Any]] ?? []
    #expect(lateApprovals.map { $0["by"] as? String } == ["alice"])
    #expect(lateApprovals.first?["commit"] as? String == approval)

    try carol.git("fetch", "-q", "origin", "refs/notes/bursar/*:refs/notes/bursar/*")
    let clean = try landing.audit(carol, "origin/main")
    #expect(clean.status == 0, "\(clean.findings)")
    #expect(clean.findings.isEmpty)
  }

  @Test("a loosening nobody approved is still unsigned, with the notes and without them")
  func unsignedStaysUnsigned() throws {
    let landing = try Landing()
    let (loosening, _, alice) = try landByFastForward(landing)
    try alice.write(
      path: ".budgets/models/fraud.yaml", contents: GateFixture.budget(latency: "200ms"))
    let unapproved = try alice.commit(message: "raise it again, no review")
    let without = try landing.audit(alice, "main")
    #expect(without.status == 1)
    #expect(without.findings.map { $0["kind"] } == ["approved-late", "unsigned"])
    #expect(without.findings.map { $0["commit"] } == [loosening, unapproved])
    try alice.git("fetch", "-q", "origin", "refs/notes/bursar/*:refs/notes/bursar/*")
    let with = try landing.audit(alice, "main")
    #expect(with.findings.map { $0["kind"] } == ["unsigned"])
    #expect(with.findings.first?["commit"] == unapproved)
    let blame = try BursarCLI.run(["blame", "fraud", "latency_p95"], in: alice.path)
    let line = try #require(blame.stdoutText.split(separator: "\n").first { $0.contains("200ms") })
    #expect(line.contains("no approval"), "\(line)")
  }

  @Test("nobody pushes to refs/notes/bursar/*: a forged record is refused, the server's kept")
  func forgedRecordsAreRefused() throws {
    let landing = try Landing()
    let (_, approval, alice) = try landByFastForward(landing)
    let before = try landing.server.git("rev-parse", "refs/notes/bursar/pushes")
    try alice.git(
      "notes", "--ref", "refs/notes/bursar/pushes", "add", "-f", "-m", "bursar-push: 1", approval)
    let forged = try landing.push(alice, "-f", "origin", "refs/notes/bursar/pushes")
    #expect(forged.status != 0)
    #expect(forged.stderrText.contains("refusing refs/notes/bursar/pushes"))
    let deleted = try landing.push(alice, "origin", ":refs/notes/bursar/pushes")
    #expect(deleted.status != 0)
    #expect(try landing.server.git("rev-parse", "refs/notes/bursar/pushes") == before)
  }

  @Test("a foreign post-receive runs first as post-receive.local, with the same input")
  func foreignPostReceiveIsChained() throws {
    let landing = try Landing()
    let hooks = landing.server.path + "/hooks/"
    try FileManager.default.removeItem(atPath: hooks + "post-receive")
    let seen = landing.server.path + "/seen"
    try "#!/bin/sh\ncat > \"\(seen)\"\n".write(
      toFile: hooks + "post-receive", atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o755], ofItemAtPath: hooks + "post-receive")
    let installed = try BursarCLI.run(["hooks", "install", "--server"], in: landing.server.path)
    #expect(installed.stdoutText.contains("post-receive: installed; your hook is kept"))
    let (_, approval, _) = try landByFastForward(landing)
    let input = try String(contentsOfFile: seen, encoding: .utf8)
    #expect(input.contains(" \(approval) refs/heads/main"))
    #expect(
      try landing.server.gitLines("notes", "--ref", "refs/notes/bursar/pushes", "list").count == 1)
  }

  @Test("post-receive input that is not an update is passed over with a word, never a failure")
  func postReceiveIgnoresGarbage() throws {
    let landing = try Landing()
    let result = try BursarCLI.run(
      ["hooks", "run", "post-receive"], in: landing.server.path,
      stdin: Data("garbage\n0000 1111 refs/heads/main\n".utf8))
    #expect(result.status == 0, "\(result.stderrText)")
    #expect(result.stderrText.contains("not recorded, not an update: garbage"))
    #expect(
      try landing.server.gitLines("notes", "--ref", "refs/notes/bursar/pushes", "list").isEmpty)
  }

  @Test("a rebase merge is one push too: main moved, alice rebases the approved branch onto it")
  func rebaseLanding() throws {
    let landing = try Landing()
    let bob = landing.bob.repository
    try bob.write(
      path: ".budgets/models/fraud.yaml", contents: GateFixture.budget(latency: "150ms"))
    try bob.commit(message: "raise the cap")
    #expect(try landing.push(bob, "origin", "change").status == 0)
    let alice = try landing.clone()
    try alice.git("checkout", "-q", "change")
    let approved = try BursarCLI.run(
      ["approve", "--as", "alice", "--key", landing.bob.keyPath("alice"), "--base", "origin/main"],
      in: alice.path)
    #expect(approved.status == 0, "\(approved.stderrText)")
    try alice.commit(message: "alice approves")
    // Meanwhile main moves on with a change outside .budgets/.
    try alice.git("checkout", "-q", "main")
    try alice.write(path: "README", contents: "notes\n")
    try alice.commit(message: "readme")
    #expect(try landing.push(alice, "origin", "main").status == 0)
    try alice.git(["rebase", "-q", "main", "change"], environment: alice.commitDateEnvironment())
    try alice.git("checkout", "-q", "main")
    try alice.git("merge", "-q", "--ff-only", "change")
    let landed = try landing.push(alice, "origin", "main")
    #expect(landed.status == 0, "\(landed.stderrText)")
    let rebasedLoosening = try alice.git("rev-parse", "main~1")
    let rebasedApproval = try alice.git("rev-parse", "main")

    let late = try landing.audit(alice, "main")
    #expect(late.findings.map { $0["kind"] } == ["approved-late"])
    #expect(late.findings.first?["commit"] == rebasedLoosening)
    #expect(late.findings.first?["approval.commit"] == rebasedApproval)
    try alice.git("fetch", "-q", "origin", "refs/notes/bursar/*:refs/notes/bursar/*")
    let clean = try landing.audit(alice, "main")
    #expect(clean.status == 0, "\(clean.findings)")
  }
}
