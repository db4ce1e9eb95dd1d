import Foundation
import TestSupport
import Testing

/// pre-commit and commit-msg, run by real `git commit`s.
@Suite("Hooks: pre-commit and commit-msg")
struct HookCommitTests {
  @Test("an invalid staged tree is refused, with the validation errors")
  func invalidRefused() throws {
    let fixture = try HookFixture()
    try fixture.breakTree()
    let result = try fixture.git(["commit", "-q", "-a", "-m", "typo"])
    #expect(result.status == 1)
    #expect(result.stderrText.contains("error[unknown-key]"))
    #expect(result.stderrText.contains("cannot be committed"))
  }

  @Test("git commit -a is judged on what it commits (GIT_INDEX_FILE), not on the old index")
  func commitAllSeesTemporaryIndex() throws {
    let fixture = try HookFixture()
    try fixture.breakTree()
    // Nothing is staged: only the temporary index of `commit -a` holds the broken file.
    #expect(try fixture.git(["commit", "-q", "-a", "-m", "typo"]).status == 1)
    #expect(try fixture.git(["commit", "-q", "-m", "nothing staged", "--allow-empty"]).status == 0)
  }

  @Test("a tightening commits silently")
  func tighteningPasses() throws {
    let fixture = try HookFixture()
    try fixture.tighten()
    let result = try fixture.git(["commit", "-q", "-a", "-m", "tighten"])
    #expect(result.status == 0, "\(result.stderrText)")
    #expect(!result.stderrText.contains("loosens"))
  }

  @Test("a loosening without a Budget-Rationale: trailer is refused, and shows the diff")
  func looseningNeedsRationale() throws {
    let fixture = try HookFixture()
    try fixture.loosen()
    let result = try fixture.git(["commit", "-q", "-a", "-m", "raise latency"])
    #expect(result.status == 1)
    #expect(result.stderrText.contains("100ms → 120ms"))
    #expect(result.stderrText.contains("Budget-Rationale:"))
  }

  @Test("a loosening with a trailer commits, and bursar log shows it as the rationale")
  func rationaleReachesLog() throws {
    let fixture = try HookFixture()
    try fixture.loosen()
    let message = "raise latency\n\nBudget-Rationale: the new tokenizer costs 20 ms\n"
    let result = try fixture.git(["commit", "-q", "-a", "-m", message])
    #expect(result.status == 0, "\(result.stderrText)")
    let log = try fixture.bursar("log", "--format", "json")
    #expect(log.stdoutText.contains("\"rationale\":\"the new tokenizer costs 20 ms\""))
  }

  @Test("commits that do not touch .budgets/ and repositories without it are left alone")
  func nothingToDo() throws {
    let fixture = try HookFixture()
    try fixture.repository.write(path: "README.md", contents: "hello\n")
    _ = try fixture.repository.git("add", "README.md")
    #expect(try fixture.git(["commit", "-q", "-a", "-m", "docs"]).status == 0)
    let plain = HookFixture(repository: try TemporaryRepository())
    try plain.repository.write(path: "a.txt", contents: "a\n")
    _ = try plain.repository.commit(message: "first")
    _ = try plain.bursar("hooks", "install")
    try plain.repository.write(path: "a.txt", contents: "b\n")
    // No binary anywhere: a repository without budgets must not even look for it.
    let result = try plain.git(
      ["commit", "-q", "-a", "-m", "second"], extra: ["PATH": "/usr/bin:/bin"])
    #expect(result.status == 0, "\(result.stderrText)")
  }

  @Test("a missing binary is named with the ways to provide it; BURSAR points to one")
  func findsTheBinary() throws {
    let fixture = try HookFixture()
    try fixture.tighten()
    let hidden = ["PATH": "/usr/bin:/bin"]
    let missing = try fixture.git(["commit", "-q", "-a", "-m", "t"], extra: hidden)
    #expect(missing.status == 1)
    #expect(missing.stderrText.contains("bursar binary was not found"))
    #expect(missing.stderrText.contains("git config bursar.path"))
    let viaVariable = hidden.merging(["BURSAR": try BursarCLI.binary]) { $1 }
    #expect(try fixture.git(["commit", "-q", "-a", "-m", "t"], extra: viaVariable).status == 0)
    try fixture.loosen2()
    _ = try fixture.repository.git("config", "bursar.path", try BursarCLI.binary)
    let viaConfig = try fixture.git(["commit", "-q", "-a", "-m", "l"], extra: hidden)
    #expect(viaConfig.status == 1)
    #expect(viaConfig.stderrText.contains("Budget-Rationale"))
  }
}

extension HookFixture {
  /// Raises the p95 cap from wherever `tighten` left it.
  func loosen2() throws {
    try edit(Self.fraud, replacing: "max: 90ms }", with: "max: 95ms }")
  }
}

/// commit-msg reads the message as git records it from an editor: comments and everything below
/// the scissors line of `git commit -v` are not part of it.
@Suite("Hooks: commit-msg with an editor")
struct HookCommitEditorTests {
  /// An editor that puts `message` above the template git wrote (comments, and with -v the diff).
  static func editor(_ message: String) -> String {
    "sh -c 'printf \"%s\\n\" \"$0\" | cat - \"$1\" > \"$1.new\" && mv \"$1.new\" \"$1\"' '\(message)'"
  }

  @Test("with git commit -v, a trailer above the template counts and the diff below does not")
  func verboseTemplate() throws {
    let fixture = try HookFixture()
    try fixture.loosen()
    let refused = try fixture.git(
      ["commit", "-q", "-a", "-v"], extra: ["GIT_EDITOR": Self.editor("raise latency")])
    #expect(refused.status == 1)
    #expect(refused.stderrText.contains("needs a Budget-Rationale: trailer"))
    let accepted = try fixture.git(
      ["commit", "-q", "-a", "-v"],
      extra: ["GIT_EDITOR": Self.editor("raise latency\n\nBudget-Rationale: peak traffic")])
    #expect(accepted.status == 0, "\(accepted.stderrText)")
    let message = try fixture.repository.git("log", "-1", "--format=%B")
    #expect(message.contains("Budget-Rationale: peak traffic"))
  }

  @Test("a trailer left in a comment does not count")
  func commentedTrailer() throws {
    let fixture = try HookFixture()
    try fixture.loosen()
    let result = try fixture.git(
      ["commit", "-q", "-a"],
      extra: ["GIT_EDITOR": Self.editor("raise latency\n\n# Budget-Rationale: peak traffic")])
    #expect(result.status == 1)
    #expect(result.stderrText.contains("needs a Budget-Rationale: trailer"))
  }
}

/// pre-commit's verdict lets commit-msg answer without bursar, for exactly that HEAD and index.
@Suite("Hooks: pre-commit's verdict for commit-msg")
struct HookCommitVerdictTests {
  /// Runs the installed commit-msg script as git would, with no bursar to be found.
  static func commitMessageWithoutBursar(_ fixture: HookFixture, message: String) throws
    -> ProcessResult
  {
    let file = fixture.repository.absolutePath(".git/MSG")
    try message.write(toFile: file, atomically: true, encoding: .utf8)
    let index = fixture.repository.absolutePath(".git/index")
    return try runProcess(
      "sh", [fixture.repository.absolutePath(".git/hooks/commit-msg"), file],
      environment: TemporaryRepository.environment([
        "PATH": "/usr/bin:/bin", "GIT_INDEX_FILE": index,
      ]), cwd: fixture.repository.path)
  }

  @Test("a commit that loosens nothing passes commit-msg without starting bursar")
  func holdsWithoutBursar() throws {
    let fixture = try HookFixture()
    try fixture.tighten()
    _ = try fixture.repository.git("add", "-A")
    #expect(try fixture.bursar("hooks", "run", "pre-commit").status == 0)
    let verdict = try String(
      contentsOfFile: fixture.repository.absolutePath(".git/bursar/commit-verdict"),
      encoding: .utf8)
    let head = try fixture.repository.git("rev-parse", "HEAD")
    #expect(verdict.hasPrefix(head + " ") && verdict.hasSuffix(" holds\n"), "\(verdict)")
    let result = try Self.commitMessageWithoutBursar(fixture, message: "tighten\n")
    #expect(result.status == 0, "\(result.stderrText)")
  }

  @Test("once the index changes, the verdict no longer counts and bursar is asked")
  func staleVerdictIgnored() throws {
    let fixture = try HookFixture()
    try fixture.tighten()
    _ = try fixture.repository.git("add", "-A")
    #expect(try fixture.bursar("hooks", "run", "pre-commit").status == 0)
    _ = try fixture.repository.git("checkout", "HEAD", "--", HookFixture.fraud)
    try fixture.loosen()
    _ = try fixture.repository.git("add", "-A")
    let withoutBursar = try Self.commitMessageWithoutBursar(fixture, message: "raise\n")
    #expect(withoutBursar.status == 1)
    #expect(withoutBursar.stderrText.contains("bursar binary was not found"))
    let commit = try fixture.git(["commit", "-q", "-m", "raise"])
    #expect(commit.status == 1)
    #expect(commit.stderrText.contains("needs a Budget-Rationale: trailer"))
  }
}

/// `bursar hooks run` on bad input: a sentence and exit 2, never a crash.
@Suite("Hooks: bursar hooks run on bad input")
struct HookRunBadInputTests {
  @Test("outside a repository, in a bare one, or without the message file: exit 2")
  func refusesToRun() throws {
    let folder = try TemporaryDirectory(prefix: "bursar-hooks-run")
    let outside = try BursarCLI.run(["hooks", "run", "pre-commit"], in: folder.path)
    #expect(outside.status == 2)
    #expect(outside.stderrText.contains("not inside a git repository"))
    let bare = try TemporaryRepository(bare: true)
    let inBare = try BursarCLI.run(["hooks", "run", "pre-commit"], in: bare.path)
    #expect(inBare.status == 2)
    #expect(inBare.stderrText.contains("bare"))
    let fixture = try HookFixture(install: false)
    #expect(try fixture.bursar("hooks", "run", "commit-msg").status == 2)
    #expect(try fixture.bursar("hooks", "run", "pre-push").status == 2)
  }

  @Test("a loosening with an unreadable message file: exit 2 naming the file")
  func unreadableMessage() throws {
    let fixture = try HookFixture(install: false)
    try fixture.loosen()
    _ = try fixture.repository.git("add", "-A")
    let result = try fixture.bursar("hooks", "run", "commit-msg", fixture.repository.path)
    #expect(result.status == 2)
    #expect(result.stderrText.contains("cannot read the commit message file"))
  }
}
