import Foundation
import TestSupport
import Testing

/// `history`, `check --against-history` and `suggest` on real repositories whose runs are
/// recorded with `bursar record`.
@Suite struct RunHistoryEndToEndTests {
  static let owners = """
    version: 1
    kind: Owners
    teams:
      platform: { members: [{ name: alice }] }
    dimensions:
      latency: { owners: [platform] }
      quality: { owners: [platform] }
    rules: { tighten: owners }
    governance: { owners: [platform] }

    """

  /// A budget with a comment, odd spacing and a quoted value, which `suggest --write` must keep.
  static let budget = """
    version: 1
    kind: Budget
    name: svc
    owner: platform
    metrics:
      # p95 of the request latency, agreed with the API team
      latency_p95:  { dimension: latency,   max:  100ms }   # keep this comment
      precision:
        dimension: quality
        min: '0.5'    # far below what the model reaches
    environments:
      staging: { latency_p95: { max: 150ms } }

    """

  static func measurements(_ latency: String, _ precision: String, env: String = "production")
    -> String
  {
    """
    version: 1
    kind: Measurements
    environment: \(env)
    values:
      svc: { latency_p95: \(latency), precision: \(precision) }

    """
  }

  /// Seven commits, each with a run in production: latency around 70ms, precision around 0.9.
  static func repository(owners: String = owners) throws -> TemporaryRepository {
    let repository = try TemporaryRepository()
    try RunsFixture.configure(repository, identity: ("Alice", "alice@example.com"))
    try repository.write(path: ".budgets/owners.yaml", contents: owners)
    try repository.write(path: ".budgets/svc.yaml", contents: budget)
    try repository.commit(message: "budgets")
    let runs =
      [("70ms", "0.91"), ("72ms", "0.93"), ("71ms", "0.92"), ("69ms", "0.90")]
      + [("70ms", "0.91"), ("73ms", "0.92"), ("71ms", "0.91")]
    for (index, (latency, precision)) in runs.enumerated() {
      try repository.write(path: "code.txt", contents: "\(index)\n")
      try repository.commit(message: "change \(index)")
      try repository.write(path: "m.yaml", contents: measurements(latency, precision))
      let recorded = try RunsFixture.run(
        ["record", "-m", "m.yaml"], in: repository,
        environment: ["SOURCE_DATE_EPOCH": "\(1_780_000_000 + index * 3600)"])
      try #require(recorded.status == 0, "\(recorded.stderrText)")
    }
    return repository
  }

  @Test func historyShowsEachFigureAgainstTheBudgetOfItsCommit() throws {
    let repository = try Self.repository()
    // Loosen the cap after the fourth change's run: older runs keep the cap of their commit.
    let text = try RunsFixture.run(["history", "svc", "latency_p95"], in: repository)
    #expect(text.status == 0, "\(text.stderrText)")
    #expect(text.stdoutText.contains("svc latency_p95 (production) "))
    #expect(text.stdoutText.contains("7 figures of 1 metric"))
    let sparkline = try #require(
      text.stdoutText.split(separator: "\n").first?.split(separator: " ").dropFirst(3).first)
    #expect(sparkline.count == 7)
    #expect(sparkline.allSatisfy { "▁▂▃▄▅▆▇█".contains($0) })

    // Another budget changes at a commit with a run: svc's figures are judged as before.
    try repository.write(
      path: ".budgets/other.yaml",
      contents: Self.budget.replacingOccurrences(of: "name: svc", with: "name: other"))
    try repository.commit(message: "another budget")
    try repository.write(path: "m.yaml", contents: Self.measurements("74ms", "0.9"))
    let other = try RunsFixture.run(
      ["record", "-m", "m.yaml"], in: repository, environment: ["SOURCE_DATE_EPOCH": "1789000000"])
    try #require(other.status == 0, "\(other.stderrText)")
    try repository.write(
      path: ".budgets/svc.yaml",
      contents: Self.budget.replacingOccurrences(of: "max:  100ms", with: "max:  72ms"))
    try repository.commit(message: "tighten")
    try repository.write(path: "m.yaml", contents: Self.measurements("73ms", "0.9"))
    let recorded = try RunsFixture.run(
      ["record", "-m", "m.yaml"], in: repository, environment: ["SOURCE_DATE_EPOCH": "1790000000"])
    try #require(recorded.status == 0, "\(recorded.stderrText)")

    let json = try RunsFixture.run(
      ["history", "svc", "latency_p95", "--format", "json"], in: repository)
    #expect(json.status == 0, "\(json.stderrText)")
    let document = try #require(
      try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
    let figures = try #require(document["figures"] as? [[String: Any]])
    #expect(figures.count == 9)
    let newest = figures[0]
    #expect(newest["measured"] as? String == "73ms")
    #expect((newest["limit"] as? [String: Any])?["max"] as? String == "72ms")
    #expect(newest["verdict"] as? String == "breached")
    #expect((figures[1]["limit"] as? [String: Any])?["max"] as? String == "100ms")
    #expect(figures[1]["measured"] as? String == "74ms")
    #expect(figures[1]["verdict"] as? String == "within")
    #expect((figures[2]["limit"] as? [String: Any])?["max"] as? String == "100ms")
    #expect(try repository.git("rev-parse", "HEAD") == newest["commit"] as? String)

    let csv = try RunsFixture.run(
      ["history", "--format", "csv", "--env", "production"], in: repository)
    let lines = csv.stdoutText.split(separator: "\n")
    #expect(
      lines.first?.hasPrefix("commit,commit_time,run,instant,environment,budget,metric") == true)
    #expect(lines.count == 1 + 18)
    let none = try RunsFixture.run(["history", "--env", "staging"], in: repository)
    #expect(none.status == 0 && none.stdoutText.contains("No recorded figure in staging"))
    let range = try RunsFixture.run(
      ["history", "svc", "latency_p95", "--range", "HEAD~2..HEAD", "--format", "csv"],
      in: repository)
    #expect(range.stdoutText.split(separator: "\n").count == 1 + 2)
  }

  @Test func aRegressionInsideTheBudgetWarns() throws {
    let repository = try Self.repository()
    try repository.write(path: "now.yaml", contents: Self.measurements("95ms", "0.91"))
    let text = try RunsFixture.run(
      ["check", "-m", "now.yaml", "--against-history"], in: repository)
    #expect(text.status == 0, "\(text.stdoutText)\(text.stderrText)")
    #expect(text.stdoutText.contains("history: regressed against 7 runs: 95ms, median 71ms"))
    #expect(text.stdoutText.contains("(warning)"))
    #expect(text.stdoutText.contains("pass: 2 within; 1 regressed against history"))

    let json = try RunsFixture.run(
      ["check", "-m", "now.yaml", "--against-history", "5", "--format", "json"], in: repository)
    let document = try #require(
      try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
    #expect(document["history_runs"] as? Int == 5)
    #expect(document["regressed"] as? Int == 1)
    let results = try #require(document["results"] as? [[String: Any]])
    let latency = try #require(results.first { $0["metric"] as? String == "latency_p95" })
    let regression = try #require(latency["regression"] as? [String: Any])
    #expect(regression["outcome"] as? String == "regressed")
    #expect(regression["runs"] as? Int == 5)
    #expect(regression["blocking"] as? Bool == false)
    // The last five runs, newest first: 71, 73, 70, 69, 71 → median 71ms.
    #expect((regression["median"] as? NSNumber)?.doubleValue == 0.071)
    let precision = try #require(results.first { $0["metric"] as? String == "precision" })
    #expect((precision["regression"] as? [String: Any])?["outcome"] as? String == "steady")

    let junit = try RunsFixture.run(
      ["check", "-m", "now.yaml", "--against-history", "--format", "junit"], in: repository)
    #expect(junit.status == 0 && junit.stdoutText.contains("history: regressed against 7 runs"))
    #expect(!junit.stdoutText.contains("<failure"))
    let markdown = try RunsFixture.run(
      ["check", "-m", "now.yaml", "--against-history", "--format", "markdown"], in: repository)
    #expect(markdown.stdoutText.contains("⚠️ within"))

    // Without the option, nothing about history.
    let plain = try RunsFixture.run(["check", "-m", "now.yaml"], in: repository)
    #expect(plain.status == 0 && !plain.stdoutText.contains("history"))
    // Too few runs: insufficient, never a regression.
    let few = try RunsFixture.run(
      ["check", "-m", "now.yaml", "--against-history", "3"], in: repository)
    #expect(few.status == 0)
    #expect(few.stdoutText.contains("history: insufficient, 3 runs recorded of the 5 needed"))
  }

  @Test func theOwnersFileMakesARegressionBlocking() throws {
    let repository = try Self.repository(
      owners: Self.owners + "regressions: { blocking: [latency] }\n")
    try repository.write(path: "now.yaml", contents: Self.measurements("95ms", "0.91"))
    let text = try RunsFixture.run(
      ["check", "-m", "now.yaml", "--against-history"], in: repository)
    #expect(text.status == 1, "\(text.stdoutText)\(text.stderrText)")
    #expect(text.stdoutText.contains("(blocking)"))
    #expect(text.stdoutText.contains("fail: 2 within; 1 regressed against history"))
    let junit = try RunsFixture.run(
      ["check", "-m", "now.yaml", "--against-history", "--format", "junit"], in: repository)
    #expect(junit.status == 1 && junit.stdoutText.contains("<failure type=\"regression\""))
    // A figure back in line passes.
    try repository.write(path: "ok.yaml", contents: Self.measurements("71ms", "0.91"))
    let steady = try RunsFixture.run(
      ["check", "-m", "ok.yaml", "--against-history"], in: repository)
    #expect(steady.status == 0, "\(steady.stdoutText)")
  }

  @Test func suggestWritesOnlyTheValuesAndDiffSeesATightening() throws {
    let repository = try Self.repository()
    let dry = try RunsFixture.run(["suggest"], in: repository)
    #expect(dry.status == 0, "\(dry.stderrText)")
    #expect(dry.stdoutText.contains("100ms → 81ms"))  // 73ms · 1.1 = 80.3ms, up to 81ms
    #expect(dry.stdoutText.contains("0.5 → 0.81"))  // 0.90 · 0.9 = 0.81
    #expect(dry.stdoutText.contains("far below"))
    #expect(dry.stdoutText.contains("`rules.tighten` is `owners`"))
    #expect(try repository.git("status", "--porcelain", ".budgets").isEmpty)

    let json = try RunsFixture.run(["suggest", "--format", "json"], in: repository)
    let document = try #require(
      try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
    let suggestions = try #require(document["suggestions"] as? [[String: Any]])
    #expect(suggestions.map { $0["proposed"] as? String } == ["81ms", "0.81"])
    #expect((document["runs"] as? [String: Int])?["production"] == 7)
    #expect((document["runs"] as? [String: Int])?["staging"] == 0)

    let write = try RunsFixture.run(["suggest", "--write"], in: repository)
    #expect(write.status == 0, "\(write.stderrText)")
    let diff = try repository.git("diff", "--unified=0", "--no-color", ".budgets/svc.yaml")
    let changed = diff.split(separator: "\n").filter {
      ($0.hasPrefix("-") || $0.hasPrefix("+")) && !$0.hasPrefix("---") && !$0.hasPrefix("+++")
    }
    #expect(
      changed == [
        "-  latency_p95:  { dimension: latency,   max:  100ms }   # keep this comment",
        "-    min: '0.5'    # far below what the model reaches",
        "+  latency_p95:  { dimension: latency,   max:  81ms }   # keep this comment",
        "+    min: '0.81'    # far below what the model reaches",
      ]
        || changed == [
          "-  latency_p95:  { dimension: latency,   max:  100ms }   # keep this comment",
          "+  latency_p95:  { dimension: latency,   max:  81ms }   # keep this comment",
          "-    min: '0.5'    # far below what the model reaches",
          "+    min: '0.81'    # far below what the model reaches",
        ], "\(diff)")
    let semantic = try RunsFixture.run(["diff", "--format", "json"], in: repository)
    let changes = try #require(
      (try JSONSerialization.jsonObject(with: semantic.stdout) as? [String: Any])?["changes"]
        as? [[String: Any]])
    // Production's two limits, and staging's precision, which it takes from the base.
    #expect(changes.count == 3, "\(semantic.stdoutText)")
    #expect(changes.allSatisfy { $0["kind"] as? String == "tighten" })
    // Written once, nothing more to tighten.
    let again = try RunsFixture.run(["suggest"], in: repository)
    #expect(again.stdoutText.contains("Nothing to tighten"))
  }
}
