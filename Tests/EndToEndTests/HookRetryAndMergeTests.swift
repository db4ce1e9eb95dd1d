import Foundation
import TestSupport
import Testing

/// What commit-msg suggests after refusing a commit, and how it judges merges.
@Suite("Hooks: retrying a refused commit, and merges")
struct HookRetryAndMergeTests {
  static let trailer = "Budget-Rationale: the new tokenizer costs 20 ms"
  static let p99 = "latency_p99:           { dimension: latency,   max: 180ms }"

  /// An editor that adds a `Budget-Rationale:` trailer to the message, as a person would.
  static func trailerEditor() throws -> (folder: TemporaryDirectory, path: String) {
    let folder = try TemporaryDirectory(prefix: "bursar-editor")
    let path = folder.path + "/add-trailer"
    try "#!/bin/sh\nprintf '\\n\(trailer)\\n' >> \"$1\"\n".write(
      toFile: path, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    return (folder, path)
  }

  /// The `git commit …` line the refusal suggests.
  static func suggestion(in stderr: String) throws -> String {
    let lines = stderr.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    return try #require(lines.first { $0.hasPrefix("git commit ") }, "\(stderr)")
  }

  /// Runs a suggested command line through the shell, with the editor that adds the trailer.
  static func run(_ line: String, in fixture: HookFixture, editor: String) throws -> ProcessResult {
    let environment = TemporaryRepository.environment(
      try HookFixture.environment.merging(["GIT_EDITOR": editor]) { $1 })
    return try runProcess(
      "sh", ["-c", line], environment: environment, cwd: fixture.repository.path)
  }

  @Test("after git commit -a is refused, the suggested command commits the same change")
  func retryAfterCommitAll() throws {
    let fixture = try HookFixture()
    let editor = try Self.trailerEditor()
    try fixture.loosen()
    let refused = try fixture.git(["commit", "-q", "-a", "-m", "raise latency"])
    #expect(refused.status == 1)
    let line = try Self.suggestion(in: refused.stderrText)
    #expect(line.contains(" -a "), "\(line)")
    let retried = try Self.run(line, in: fixture, editor: editor.path)
    #expect(retried.status == 0, "\(line): \(retried.stderrText)")
    #expect(try fixture.repository.git("log", "-1", "--format=%B").contains(Self.trailer))
    #expect(try fixture.repository.git("status", "--porcelain").isEmpty)
  }

  @Test("after a commit of what is staged is refused, the suggestion leaves the rest unstaged")
  func retryAfterStagedCommit() throws {
    let fixture = try HookFixture()
    let editor = try Self.trailerEditor()
    try fixture.loosen()
    _ = try fixture.repository.git("add", HookFixture.fraud)
    try fixture.edit(
      HookFixture.fraud, replacing: Self.p99,
      with: Self.p99.replacingOccurrences(of: "180", with: "170"))
    let refused = try fixture.git(["commit", "-q", "-m", "raise latency"])
    #expect(refused.status == 1)
    let line = try Self.suggestion(in: refused.stderrText)
    #expect(!line.contains(" -a "), "\(line)")
    let retried = try Self.run(line, in: fixture, editor: editor.path)
    #expect(retried.status == 0, "\(line): \(retried.stderrText)")
    // The unstaged edit stays out of the commit.
    let status = try fixture.repository.git("status", "--porcelain")
    #expect(status.contains(" M \(HookFixture.fraud)"), "\(status)")
    #expect(try fixture.repository.git("show", "HEAD:\(HookFixture.fraud)").contains("max: 120ms"))
  }

  static let search = ".budgets/models/search-ranking.yaml"

  /// A fixture whose branch `feature` loosens the fraud detector with a trailer
  /// (`--no-verify` leaves it out), and whose mainline loosens search ranking with a trailer,
  /// so a merge is no fast-forward and each side brings a loosening the other lacks.
  static func branches(featureTrailer: Bool = true) throws -> (HookFixture, main: String) {
    let fixture = try HookFixture()
    let main = try fixture.repository.git("rev-parse", "--abbrev-ref", "HEAD")
    _ = try fixture.repository.git("checkout", "-q", "-b", "feature")
    try fixture.loosen()
    let featureMessage = "raise p95" + (featureTrailer ? "\n\n\(trailer)\n" : "")
    let verify = featureTrailer ? [] : ["--no-verify"]
    let feature = try fixture.git(["commit", "-q", "-a", "-m", featureMessage] + verify)
    #expect(feature.status == 0, "\(feature.stderrText)")
    _ = try fixture.repository.git("checkout", "-q", main)
    try fixture.edit(Self.search, replacing: "max: 200ms", with: "max: 220ms")
    let mainline = try fixture.git(["commit", "-q", "-a", "-m", "raise search p95\n\n\(trailer)\n"])
    #expect(mainline.status == 0, "\(mainline.stderrText)")
    return (fixture, main)
  }

  @Test("a merge whose loosenings all come from merged commits with a trailer needs none")
  func mergeOfRationalisedLoosenings() throws {
    let (fixture, _) = try Self.branches()
    let merged = try fixture.git(["merge", "-q", "--no-ff", "--no-edit", "feature"])
    #expect(merged.status == 0, "\(merged.stderrText)")
    #expect(try fixture.repository.git("rev-parse", "-q", "--verify", "HEAD^2").count == 40)
    // On the mainline the merge is the entry; its rationale is the merged commit's trailer.
    let log = try fixture.bursar(
      "log", "--format", "json", "--budget", "fraud-detector", "HEAD~1..HEAD")
    let object = try #require(try JSONSerialization.jsonObject(with: log.stdout) as? [String: Any])
    let entries = try #require(object["entries"] as? [[String: Any]])
    let merge = try fixture.repository.git("rev-parse", "HEAD")
    let loosening = try #require(entries.first { $0["kind"] as? String == "loosen" }, "\(entries)")
    #expect(loosening["commit"] as? String == merge)
    let feature = try fixture.repository.git("rev-parse", "--short", "feature")
    #expect(
      loosening["rationale"] as? String == "\(feature): the new tokenizer costs 20 ms",
      "\(loosening)")
  }

  @Test("a merge that loosens beyond its parents needs a trailer of its own")
  func mergeThatLoosensItself() throws {
    let (fixture, _) = try Self.branches()
    let started = try fixture.git(["merge", "-q", "--no-ff", "--no-commit", "feature"])
    #expect(started.status == 0, "\(started.stderrText)")
    try fixture.edit(
      HookFixture.fraud, replacing: "max: 120ms", with: "max: 125ms")
    _ = try fixture.repository.git("add", HookFixture.fraud)
    let refused = try fixture.git(["commit", "-q", "--no-edit"])
    #expect(refused.status == 1)
    #expect(refused.stderrText.contains("120ms → 125ms"), "\(refused.stderrText)")
    #expect(refused.stderrText.contains("needs a Budget-Rationale: trailer"))
    let withTrailer = try fixture.git(["commit", "-q", "-m", "Merge feature\n\n\(Self.trailer)\n"])
    #expect(withTrailer.status == 0, "\(withTrailer.stderrText)")
  }

  @Test("a merge that brings in a loosening committed without a trailer needs one")
  func mergeOfAnUnexplainedLoosening() throws {
    let (fixture, _) = try Self.branches(featureTrailer: false)
    let refused = try fixture.git(["merge", "-q", "--no-ff", "--no-edit", "feature"])
    #expect(refused.status == 1, "\(refused.stderrText)")
    let subject = try fixture.repository.git("rev-parse", "--short", "feature")
    #expect(refused.stderrText.contains(subject), "\(refused.stderrText)")
    #expect(refused.stderrText.contains("needs a Budget-Rationale: trailer"))
  }

  @Test("pre-commit shows an exception's grant against the budget, as bursar diff --staged does")
  func preCommitShowsGrantsAgainstTheBudget() throws {
    let fixture = try HookFixture()
    let exception = ".budgets/exceptions/2026-11-peak-latency.yaml"
    try fixture.edit(exception, replacing: "max: 130ms", with: "max: 140ms")
    _ = try fixture.repository.git("add", exception)
    let hook = try fixture.bursar("hooks", "run", "pre-commit")
    #expect(hook.status == 0, "\(hook.stderrText)")
    let line = try #require(
      hook.stderrText.split(separator: "\n").first { $0.contains("EXC-2026-011") },
      "\(hook.stderrText)")
    #expect(line.contains("max: 130ms → 140ms (budget 100ms)"), "\(line)")
    #expect(line.contains("until 2026-12-08"), "\(line)")
    let diff = try fixture.bursar("diff", "--staged").stdoutText
    #expect(diff.split(separator: "\n").contains(line), "\(diff)")
  }
}
