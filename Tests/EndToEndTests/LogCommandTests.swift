import Foundation
import TestSupport
import Testing

/// `bursar log`: entries, rationale, filters, formats and invalid files.
@Suite struct LogCommandTests {
  typealias Files = HistoryFiles

  private func entries(_ arguments: [String], _ repository: TemporaryRepository) throws -> [[String:
    Any]]
  {
    let object = try HistoryCLI.json(["log", "--format", "json"] + arguments, in: repository)
    return try #require(object["entries"] as? [[String: Any]])
  }

  /// owners+budget, then a loosening with a rationale trailer, then an exception.
  private func history() throws -> TemporaryRepository {
    let repository = try Files.repository()
    try repository.write(
      path: ".budgets/models/fraud.yaml", contents: Files.budget("fraud", latency: "130ms"))
    try repository.commit(
      message:
        "Raise the latency cap\n\nLonger explanation.\n\nBudget-Rationale: Peak season;\n  two replicas arrive later.\nSigned-off-by: A <a@example.com>"
    )
    try repository.write(
      path: ".budgets/exceptions/peak.yaml",
      contents: Files.exception(
        "EXC-1", budget: "fraud", max: "150ms", starts: "2026-11-20", expires: "2026-12-08"))
    try repository.commit(message: "Grant EXC-1")
    return repository
  }

  @Test func entriesCarryTheContractFields() throws {
    let repository = try history()
    let found = try entries([], repository)
    let head = try repository.git("rev-parse", "HEAD")
    let exception = try #require(found.first)
    #expect(exception["commit"] as? String == head)
    #expect(exception["category"] as? String == "exception")
    #expect(exception["action"] as? String == "created")
    #expect(exception["exception"] as? String == "EXC-1")
    let loosening = try #require(found.first { $0["kind"] as? String == "loosen" })
    for key in [
      "commit", "date", "author", "budget", "metric", "environment", "kind", "old", "new",
      "rationale", "committer",
    ] {
      #expect(loosening.keys.contains(key), "missing \(key)")
    }
    #expect(loosening["rationale"] as? String == "Peak season; two replicas arrive later.")
    #expect(loosening["old"] as? String == "100ms")
    #expect(loosening["new"] as? String == "130ms")
    #expect(loosening["environment"] as? String == "production")
    #expect(loosening["date"] as? String == "2023-11-14T22:14:20+00:00")
    // Without a trailer the message is the rationale.
    #expect(found.last?["rationale"] as? String == "Add the fraud budget")
  }

  @Test func filtersNarrowTheTrail() throws {
    let repository = try history()
    #expect(try entries(["--kind", "loosen"], repository).count == 1)
    #expect(try entries(["--metric", "precision"], repository).count == 1)
    #expect(try entries(["--budget", "nope"], repository).isEmpty)
    #expect(try entries(["--env", "staging"], repository).isEmpty)
    #expect(try entries(["--author", "nobody"], repository).isEmpty)
    #expect(try entries(["--author", "T@EXAMPLE"], repository).count == 5)
    // Commits are a minute apart from 2023-11-14T22:13:20Z.
    #expect(try entries(["--since", "2023-11-14T22:14:00Z"], repository).count == 2)
    #expect(try entries(["--until", "2023-11-14T22:14:00Z"], repository).count == 3)
    #expect(try entries(["HEAD~1"], repository).count == 4)
    #expect(try entries(["HEAD~2..HEAD"], repository).count == 2)
    let bad = try HistoryCLI.run(["log", "--since", "yesterday-ish"], in: repository)
    #expect(bad.status == 2)
  }

  @Test func everyFormatStreamsTheSameEntries() throws {
    let repository = try history()
    let jsonl = try HistoryCLI.run(["log", "--format", "jsonl"], in: repository)
    #expect(jsonl.lines.count == 5)
    let csv = try HistoryCLI.run(["log", "--format", "csv"], in: repository)
    #expect(csv.lines.first?.hasPrefix("commit,date,author") == true)
    #expect(csv.lines.count == 6)
    // The rationale with a semicolon and a comma-free text needs no quotes; one with a comma would.
    let table = try HistoryCLI.run(["log"], in: repository)
    #expect(table.lines.count == 6)
    #expect(table.lines.first?.hasPrefix("DATE") == true)
    #expect(
      table.lines.contains {
        $0.contains("loosen") && $0.contains("100ms → 130ms") && $0.contains("+30.0%")
      })
    let markdown = try HistoryCLI.run(["log", "--format", "markdown"], in: repository)
    #expect(markdown.lines.count == 7)
  }

  @Test func brokenFileIsReportedAndTheWalkGoesOn() throws {
    let repository = try Files.repository()
    try repository.write(
      path: ".budgets/models/fraud.yaml", contents: Files.budget("fraud") + "oops: [\n")
    let broken = try repository.commit(message: "Break")
    try repository.write(
      path: ".budgets/models/fraud.yaml",
      contents: Files.budget("fraud", latency: "90ms") + "oops: [\n")
    try repository.commit(message: "Still broken, with a change")
    try repository.write(
      path: ".budgets/models/fraud.yaml", contents: Files.budget("fraud", latency: "80ms"))
    let fixed = try repository.commit(message: "Fix")
    let found = try entries([], repository)
    let invalid = found.filter { $0["kind"] as? String == "invalid" }
    #expect(invalid.count == 2)
    #expect(invalid.contains { $0["commit"] as? String == broken })
    #expect(
      invalid.allSatisfy {
        ($0["problem"] as? String)?.contains(".budgets/models/fraud.yaml") == true
      })
    // The change counts from the last valid version to the fixed one, at the fix.
    let change = try #require(found.first { $0["kind"] as? String == "tighten" })
    #expect(change["commit"] as? String == fixed)
    #expect(change["old"] as? String == "100ms")
    #expect(change["new"] as? String == "80ms")
    #expect(try entries(["--kind", "invalid"], repository).count == 2)
  }

  @Test func commentsAndFormattingAreNotChanges() throws {
    let repository = try Files.repository()
    try repository.write(
      path: ".budgets/models/fraud.yaml", contents: "# owned by ml-eng\n" + Files.budget("fraud"))
    try repository.commit(message: "Comment")
    try repository.write(
      path: ".budgets/models/fraud.yaml", contents: Files.budget("fraud", latency: "0.1s"))
    try repository.commit(message: "Same value in seconds")
    try repository.write(path: ".budgets/README.md", contents: "notes\n")
    try repository.commit(message: "Notes")
    let found = try entries([], repository)
    #expect(found.allSatisfy { $0["rationale"] as? String == "Add the fraud budget" })
  }

  @Test func emptyRepositoryHasAnEmptyLog() throws {
    let repository = try TemporaryRepository()
    let result = try HistoryCLI.run(["log", "--format", "json"], in: repository)
    #expect(result.status == 0)
    let object = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]
    #expect((object?["entries"] as? [Any])?.isEmpty == true)
  }
}
