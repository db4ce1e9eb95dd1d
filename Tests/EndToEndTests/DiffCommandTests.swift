import Foundation
import TestSupport
import Testing

/// `bursar diff` in each of git's forms, against real repositories.
@Suite struct DiffCommandTests {
  typealias Files = HistoryFiles

  private func changes(_ arguments: [String], _ repository: TemporaryRepository) throws -> [[String:
    Any]]
  {
    let object = try HistoryCLI.json(["diff", "--format", "json"] + arguments, in: repository)
    return try #require(object["changes"] as? [[String: Any]])
  }

  @Test func workTreeAgainstHead() throws {
    let repository = try Files.repository()
    #expect(try changes([], repository).isEmpty)
    try repository.write(
      path: ".budgets/models/fraud.yaml", contents: Files.budget("fraud", latency: "0.13s"))
    let found = try changes([], repository)
    let change = try #require(found.first)
    #expect(found.count == 1)
    #expect(change["kind"] as? String == "loosen")
    #expect(change["budget"] as? String == "fraud")
    #expect(change["environment"] as? String == "production")
    #expect(change["metric"] as? String == "latency_p95")
    #expect(change["old"] as? String == "100ms")
    #expect(change["new"] as? String == "0.13s")
    #expect(change["path"] as? String == ".budgets/models/fraud.yaml")
    #expect(abs((change["relative_change"] as? Double ?? 0) - 0.3) < 1e-9)
    // Staged nothing yet: the index still matches HEAD.
    #expect(try changes(["--staged"], repository).isEmpty)
    try repository.git("add", "-A")
    #expect(try changes(["--staged"], repository).count == 1)
  }

  @Test func revisionFormsAgree() throws {
    let repository = try Files.repository()
    try repository.write(
      path: ".budgets/models/fraud.yaml", contents: Files.budget("fraud", latency: "90ms"))
    try repository.commit(message: "Tighten")
    for form in [["HEAD~1", "HEAD"], ["HEAD~1..HEAD"], ["HEAD~1...HEAD"]] {
      let found = try changes(form, repository)
      #expect(found.count == 1, "\(form)")
      #expect(found.first?["kind"] as? String == "tighten", "\(form)")
    }
    // One revision: the work tree against it.
    #expect(try changes(["HEAD~1"], repository).count == 1)
    #expect(try changes(["HEAD"], repository).isEmpty)
  }

  @Test func threeDotsStartFromTheMergeBase() throws {
    let repository = try Files.repository()
    try repository.git("checkout", "-q", "-b", "feature")
    try repository.write(
      path: ".budgets/models/fraud.yaml", contents: Files.budget("fraud", precision: "0.9"))
    try repository.commit(message: "Loosen precision on the branch")
    try repository.git("checkout", "-q", "main")
    try repository.write(
      path: ".budgets/models/fraud.yaml", contents: Files.budget("fraud", latency: "80ms"))
    try repository.commit(message: "Tighten latency on main")
    let sinceFork = try changes(["main...feature"], repository)
    #expect(sinceFork.map { $0["metric"] as? String } == ["precision"])
    let direct = try changes(["main..feature"], repository)
    #expect(Set(direct.compactMap { $0["metric"] as? String }) == ["precision", "latency_p95"])
  }

  @Test func badRevisionExitsTwoAndInvalidSideExitsOne() throws {
    let repository = try Files.repository()
    let bad = try HistoryCLI.run(["diff", "no-such-branch"], in: repository)
    #expect(bad.status == 2)
    #expect(bad.stderrText.contains("no-such-branch"))
    try repository.write(
      path: ".budgets/models/fraud.yaml", contents: "version: 1\nkind: Budget\nname: fraud\n")
    let invalid = try HistoryCLI.run(["diff"], in: repository)
    #expect(invalid.status == 1)
    #expect(invalid.stderrText.contains("invalid"))
    #expect(invalid.stderrText.contains(".budgets/models/fraud.yaml"))
  }

  @Test func textIsAlignedAndUncolouredOffATerminal() throws {
    let repository = try TemporaryRepository()
    try repository.write(path: ".budgets/owners.yaml", contents: Files.owners)
    try repository.write(
      path: ".budgets/models/fraud.yaml", contents: Files.budget("fraud", staging: "150ms"))
    try repository.commit(message: "Add")
    try repository.write(
      path: ".budgets/models/fraud.yaml",
      contents: Files.budget("fraud", latency: "0.13s", staging: "200ms"))
    let result = try HistoryCLI.run(["diff"], in: repository)
    #expect(result.status == 0)
    #expect(!result.stdoutText.contains("\u{1B}["))
    let rows = result.lines.filter { $0.hasPrefix("  ") }
    #expect(rows.count == 2, "\(result.stdoutText)")
    // The value column starts at the same place on every row.
    let starts = rows.map {
      ($0.range(of: "100ms") ?? $0.range(of: "150ms"))?.lowerBound.utf16Offset(in: $0)
    }
    #expect(Set(starts).count == 1)
  }

  @Test func markdownStaysUnderTheLimitForAHugeChange() throws {
    let repository = try TemporaryRepository()
    try repository.write(path: ".budgets/owners.yaml", contents: Files.owners)
    try repository.commit(message: "Owners only")
    for index in 0..<400 {
      try repository.write(
        path: ".budgets/models/m\(index).yaml",
        contents: Files.budget("model-\(index)", staging: "150ms"))
    }
    let result = try HistoryCLI.run(["diff", "--format", "markdown"], in: repository)
    #expect(result.status == 0)
    #expect(result.stdoutText.unicodeScalars.count < 60_000)
    #expect(result.stdoutText.contains("more of 1600 changes not shown"))
    #expect(result.stdoutText.hasPrefix("### bursar: budget changes"))
  }

  @Test func renamedFileIsNoChangeButNamesTheNewPath() throws {
    let repository = try Files.repository()
    try repository.git("mv", ".budgets/models/fraud.yaml", ".budgets/fraud-detector.yml")
    try repository.commit(message: "Move")
    #expect(try changes(["HEAD~1", "HEAD"], repository).isEmpty)
    try repository.write(
      path: ".budgets/fraud-detector.yml", contents: Files.budget("fraud", precision: "0.99"))
    let found = try changes(["HEAD~1"], repository)
    #expect(found.first?["path"] as? String == ".budgets/fraud-detector.yml")
  }
}
