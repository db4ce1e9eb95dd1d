import Foundation
import TestSupport
import Testing

/// `show`, `blame` and `exceptions` against real histories.
@Suite struct HistoryShowTests {
  typealias Files = HistoryFiles

  /// Commits at 2023-11-14T22:13:20Z (100ms), +1 min (130ms), +2 min (exception), +3 min (90ms).
  private func history() throws -> TemporaryRepository {
    let repository = try Files.repository()
    try repository.write(
      path: ".budgets/models/fraud.yaml",
      contents: Files.budget("fraud", latency: "130ms", staging: "200ms"))
    try repository.commit(message: "Loosen\n\nBudget-Rationale: Peak season.")
    try repository.write(
      path: ".budgets/exceptions/peak.yaml",
      contents: Files.exception(
        "EXC-1", budget: "fraud", max: "150ms", starts: "2023-11-10", expires: "2023-11-20"))
    try repository.commit(message: "Grant EXC-1")
    try repository.write(
      path: ".budgets/models/fraud.yaml",
      contents: Files.budget("fraud", latency: "90ms", staging: "200ms"))
    try repository.write(
      path: ".budgets/exceptions/peak.yaml",
      contents: Files.exception(
        "EXC-1", budget: "fraud", max: "150ms", starts: "2023-11-10", expires: "2023-11-25"))
    try repository.commit(message: "Tighten, extend EXC-1")
    return repository
  }

  private func latency(
    _ arguments: [String], _ repository: TemporaryRepository, env: String = "production"
  ) throws -> String? {
    let result = try HistoryCLI.run(["show", "--format", "json"] + arguments, in: repository)
    let object = try #require(
      try? JSONSerialization.jsonObject(with: result.stdout) as? [String: Any],
      "\(arguments): \(result.stderrText)")
    let budgets = try #require(object["budgets"] as? [[String: Any]])
    let metrics = try #require(budgets.first?["metrics"] as? [[String: Any]])
    return metrics.first {
      $0["metric"] as? String == "latency_p95" && $0["environment"] as? String == env
    }?["max"] as? String
  }

  @Test func showAtRevisionsAndDates() throws {
    let repository = try history()
    #expect(try latency([], repository) == "90ms")
    #expect(try latency(["--at", "HEAD~2"], repository) == "130ms")
    #expect(try latency(["--at", "HEAD~3"], repository) == "100ms")
    #expect(try latency(["--at", "2023-11-14T22:14:30Z"], repository) == "130ms")
    #expect(try latency(["--at", "2023-11-14"], repository) == "90ms")
    #expect(
      try latency(["--at", "HEAD~2", "fraud", "--env", "staging"], repository, env: "staging")
        == "200ms")
    let early = try HistoryCLI.run(["show", "--at", "2020-01-01"], in: repository)
    #expect(early.status == 2)
    #expect(early.stderrText.contains("2020-01-01"))
    let unknown = try HistoryCLI.run(["show", "nope"], in: repository)
    #expect(unknown.status == 2)
  }

  @Test func blameListsEveryValueNewestFirst() throws {
    let repository = try history()
    let object = try HistoryCLI.json(
      ["blame", "fraud", "latency_p95", "--format", "json"], in: repository)
    let lines = try #require(object["history"] as? [[String: Any]])
    let values = lines.compactMap { ($0["changes"] as? [[String: Any]])?.first?["new"] as? String }
    #expect(values == ["90ms", "130ms", "100ms"])
    #expect(lines[1]["rationale"] as? String == "Peak season.")
    let staging = try HistoryCLI.json(
      ["blame", "fraud", "latency_p95", "--env", "staging", "--format", "json"], in: repository)
    let stagingValues = (staging["history"] as? [[String: Any]])?.compactMap {
      ($0["changes"] as? [[String: Any]])?.first?["new"] as? String
    }
    // Staging appeared with its own override in the second commit.
    #expect(stagingValues == ["200ms"])
    let text = try HistoryCLI.run(["blame", "fraud", "latency_p95"], in: repository)
    #expect(text.lines.dropFirst().first?.contains("max 90ms") == true)
    #expect(try HistoryCLI.run(["blame", "fraud", "nope"], in: repository).status == 2)
  }

  @Test func blameNamesTheApprovers() throws {
    let repository = try Files.repository()
    let budget = Files.budget("fraud", latency: "120ms")
    try repository.write(path: ".budgets/models/fraud.yaml", contents: budget)
    let digest = try HistoryCLI.run(["digest", ".budgets/models/fraud.yaml"], in: repository)
    let value = try #require(
      digest.stdoutText.split(whereSeparator: { $0 == " " || $0 == "\n" }).first {
        $0.hasPrefix("sha256:")
      })
    try repository.write(
      path: ".budgets/approvals/a.yaml",
      contents:
        "version: 1\nkind: Approval\nby: alice\napproves:\n  - path: models/fraud.yaml\n    digest: \(value)\n"
    )
    try repository.commit(message: "Loosen with approval")
    let object = try HistoryCLI.json(
      ["blame", "fraud", "latency_p95", "--format", "json"], in: repository)
    let lines = try #require(object["history"] as? [[String: Any]])
    #expect(lines.first?["approvals"] as? [String] == ["alice"])
    #expect(lines.last?["approvals"] as? [String] == [])
  }

  @Test func exceptionsRegisterWithHistory() throws {
    let repository = try history()
    let object = try HistoryCLI.json(
      ["exceptions", "--format", "json"], in: repository)
    let records = try #require(object["exceptions"] as? [[String: Any]])
    let record = try #require(records.only)
    #expect(record["id"] as? String == "EXC-1")
    #expect(record["status"] as? String == "expired", "\(object)")
    let history = (record["history"] as? [[String: Any]])?.compactMap { $0["action"] as? String }
    #expect(history == ["extended", "created"])
    let metrics = try #require(record["metrics"] as? [[String: Any]])
    #expect(metrics.first?["granted"] as? String == "max 150ms")
    #expect(metrics.first?["budget"] as? String == "max 90ms")
    // On the 15th it was in force, and ended within two weeks.
    let then = try HistoryCLI.json(
      ["exceptions", "--at", "2023-11-15", "--expiring", "14d", "--format", "json"], in: repository)
    #expect((then["exceptions"] as? [[String: Any]])?.count == 1)
    let active = try HistoryCLI.json(
      ["exceptions", "--active", "--format", "json"], in: repository)
    #expect((active["exceptions"] as? [[String: Any]])?.isEmpty == true)
  }

  @Test func aFilterThatFindsNothingSaysWhatElseThereIs() throws {
    let repository = try history()
    let expiring = try HistoryCLI.run(
      ["exceptions", "--at", "2023-11-15", "--expiring", "3d", "--no-history"], in: repository)
    #expect(expiring.status == 0)
    #expect(
      expiring.stdoutText.contains(
        "No exception in force expires within 3 days; 1 is active (EXC-1, until 2023-11-25)."),
      "\(expiring.stdoutText)")
    let expired = try HistoryCLI.run(
      ["exceptions", "--at", "2023-11-15", "--expired", "--no-history"], in: repository)
    #expect(
      expired.stdoutText.contains(
        "No exception has expired by 2023-11-15; 1 is active (EXC-1, until 2023-11-25)."),
      "\(expired.stdoutText)")
    let active = try HistoryCLI.run(["exceptions", "--active", "--no-history"], in: repository)
    #expect(active.stdoutText.contains("1 is expired (EXC-1, ended 2023-11-25)."))
  }

  @Test func showAtADayJudgesExceptionsAtTheEndOfThatDay() throws {
    let repository = try history()
    // The day's last commit is picked, and exceptions are judged at the same instant.
    let text = try HistoryCLI.run(["show", "--at", "2023-11-14"], in: repository)
    #expect(text.status == 0)
    #expect(
      text.stdoutText.contains("exceptions as of 2023-11-14T23:59:59Z"), "\(text.stdoutText)")
    let object = try HistoryCLI.json(
      ["show", "--at", "2023-11-14", "--format", "json"], in: repository)
    #expect(object["moment"] as? String == "2023-11-14T23:59:59Z", "\(object)")
  }

  @Test func withdrawnExceptionsStayInTheRegister() throws {
    let repository = try history()
    try repository.remove(path: ".budgets/exceptions/peak.yaml")
    try repository.commit(message: "Withdraw EXC-1")
    let object = try HistoryCLI.json(
      ["exceptions", "--at", "2023-11-16", "--format", "json"], in: repository)
    let record = try #require((object["exceptions"] as? [[String: Any]])?.only)
    #expect(record["status"] as? String == "withdrawn")
    let history = (record["history"] as? [[String: Any]])?.compactMap { $0["action"] as? String }
    #expect(history == ["withdrawn", "extended", "created"])
  }
}

extension Array {
  /// The single element, or nil when there are none or several.
  fileprivate var only: Element? { count == 1 ? first : nil }
}
