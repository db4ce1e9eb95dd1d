import Foundation
import TestSupport
import Testing

/// pre-push in a clone and pre-receive in a local bare repository, driven by real `git push`es.
@Suite("Hooks: pre-push and pre-receive")
struct HookPushTests {
  /// A clone with budgets and its bare remote, with the server hook installed when asked.
  struct Pair {
    let clone: HookFixture
    let server: TemporaryRepository

    init(serverHook: Bool, clientHooks: Bool) throws {
      clone = try HookFixture(install: clientHooks)
      server = try TemporaryRepository(cloning: clone.repository.path, bare: true)
      if serverHook {
        let installed = try BursarCLI.run(["hooks", "install", "--server"], in: server.path)
        precondition(installed.status == 0, installed.stderrText)
      }
      _ = try clone.repository.git("remote", "add", "origin", server.path)
      _ = try clone.repository.git("fetch", "-q", "origin")
    }

    func push(_ arguments: String..., extra: [String: String] = [:]) throws -> ProcessResult {
      try clone.git(["push"] + arguments, extra: extra)
    }

    func serverTip(_ branch: String = "main") throws -> String {
      try server.git("rev-parse", "refs/heads/" + branch)
    }
  }

  @Test("pre-receive refuses an invalid tree pushed with --no-verify, and says why as remote:")
  func serverRefusesInvalid() throws {
    let pair = try Pair(serverHook: true, clientHooks: false)
    let before = try pair.serverTip()
    try pair.clone.breakTree()
    _ = try pair.clone.repository.commit(message: "typo")
    let result = try pair.push("--no-verify", "origin", "main")
    #expect(result.status != 0)
    #expect(result.stderrText.contains("remote: .budgets/models/fraud-detector.yaml"))
    #expect(result.stderrText.contains("refusing refs/heads/main"))
    #expect(try pair.serverTip() == before)
  }

  @Test("several refs at once: one invalid ref refuses the whole push; tags are judged too")
  func severalRefs() throws {
    let pair = try Pair(serverHook: true, clientHooks: false)
    _ = try pair.clone.repository.git("branch", "good")
    try pair.clone.breakTree()
    _ = try pair.clone.repository.commit(message: "typo")
    _ = try pair.clone.repository.git("tag", "-a", "-m", "bad", "v-bad")
    let result = try pair.push("--no-verify", "origin", "main", "good", "v-bad")
    #expect(result.status != 0)
    #expect(result.stderrText.contains("refusing refs/tags/v-bad"))
    #expect(
      !(try pair.server.gitLines("branch", "--list", "good")).contains { $0.contains("good") })
  }

  @Test("deleting a ref is allowed")
  func deletionAllowed() throws {
    let pair = try Pair(serverHook: true, clientHooks: false)
    _ = try pair.server.git("branch", "topic", "main")
    let result = try pair.push("origin", ":topic")
    #expect(result.status == 0, "\(result.stderrText)")
  }

  @Test("a repository without .budgets/ pushes freely, without even finding bursar")
  func noBudgetsPasses() throws {
    let repository = try TemporaryRepository()
    try repository.write(path: "a.txt", contents: "a\n")
    _ = try repository.commit(message: "first")
    let server = try TemporaryRepository(cloning: repository.path, bare: true)
    _ = try BursarCLI.run(["hooks", "install", "--server"], in: server.path)
    let clone = HookFixture(repository: repository)
    _ = try clone.bursar("hooks", "install")
    _ = try repository.git("remote", "add", "origin", server.path)
    try repository.write(path: "a.txt", contents: "b\n")
    _ = try repository.commit(message: "second")
    let result = try clone.git(
      ["push", "origin", "main", "main:new"], extra: ["PATH": "/usr/bin:/bin"])
    #expect(result.status == 0, "\(result.stderrText)")
  }

  @Test(
    "malformed pre-receive input is refused with a clear message",
    arguments: [
      "garbage\n", "0000 1111 refs/heads/main\n",
      String(repeating: "a", count: 40) + " " + String(repeating: "b", count: 40) + " main\n",
      String(repeating: "x", count: 100_000) + "\n",
    ])
  func hostileInput(input: String) throws {
    let pair = try Pair(serverHook: true, clientHooks: false)
    let environment = TemporaryRepository.environment(
      try HookFixture.environment.merging(["GIT_DIR": "."]) { $1 })
    let result = try runProcess(
      pair.server.path + "/hooks/pre-receive", [], stdin: Data(input.utf8),
      environment: environment,
      cwd: pair.server.path)
    #expect(result.status == 1)
    #expect(result.stderrText.contains("malformed update on line 1"))
    #expect(result.stderrText.count < 400)
  }

  @Test("pre-push refuses an invalid tree before it leaves the clone")
  func prePushRefusesInvalid() throws {
    let pair = try Pair(serverHook: false, clientHooks: true)
    let before = try pair.serverTip()
    try pair.clone.breakTree()
    _ = try pair.clone.repository.commit(message: "typo")  // commits with --no-verify
    let result = try pair.push("origin", "main")
    #expect(result.status != 0)
    #expect(result.stderrText.contains("has invalid budgets"))
    #expect(try pair.serverTip() == before)
  }

  @Test("a tightening is judged by bursar gate on both sides and lands")
  func tighteningLands() throws {
    let pair = try Pair(serverHook: true, clientHooks: true)
    try pair.clone.tighten()
    _ = try pair.clone.repository.commit(message: "tighten")
    let result = try pair.push("origin", "main")
    #expect(result.status == 0, "\(result.stderrText)")
    #expect(try pair.serverTip() == pair.clone.repository.git("rev-parse", "HEAD"))
  }

  @Test("an unapproved loosening cannot land, even pushed with --no-verify")
  func unapprovedLooseningIsRefusedByTheServer() throws {
    let pair = try Pair(serverHook: true, clientHooks: false)
    let before = try pair.serverTip()
    try pair.clone.loosen()
    _ = try pair.clone.repository.commit(message: "raise latency\n\nBudget-Rationale: peak traffic")
    let result = try pair.push("--no-verify", "origin", "main")
    #expect(result.status != 0)
    #expect(result.stderrText.contains("remote:"))
    #expect(result.stderrText.contains("refusing refs/heads/main"))
    #expect(try pair.serverTip() == before)
  }

  @Test("pre-push refuses an unapproved loosening and names who must sign")
  func prePushNamesWhoMustSign() throws {
    let pair = try Pair(serverHook: false, clientHooks: true)
    let before = try pair.serverTip()
    try pair.clone.loosen()
    _ = try pair.clone.repository.commit(message: "raise latency\n\nBudget-Rationale: peak traffic")
    let result = try pair.push("origin", "main")
    #expect(result.status != 0)
    let output = result.stdoutText + result.stderrText
    #expect(output.contains("Must sign"), "\(output)")
    #expect(output.contains("needs sre"), "\(output)")
    #expect(try pair.serverTip() == before)
  }
}
