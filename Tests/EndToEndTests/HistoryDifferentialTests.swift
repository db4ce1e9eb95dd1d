import Foundation
import TestSupport
import Testing

/// Generated histories checked two ways: against `git log --name-status` (bursar reports a
/// commit only where git says budget files changed, and only files git lists), and against
/// the generator's own model of every budget's values (bursar reports exactly the value
/// changes, no more, however a change is written).
@Suite(.serialized) struct HistoryDifferentialTests {
  @Test(arguments: [1, 2, 3])
  func logAgreesWithGitAndWithTheModel(seed: UInt64) throws {
    let history = try GeneratedHistory(seed: seed, commits: 45)
    let repository = history.repository
    let result = try HistoryCLI.run(["log", "--format", "jsonl"], in: repository)
    #expect(result.status == 0, "\(result.stderrText)")
    // The model covers budget values; the Owners file's own entry is left out.
    let entries = try result.lines.map { line in
      try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }.filter { $0["category"] as? String == "budget" }
    let byCommit = Dictionary(grouping: entries) { $0["commit"] as? String ?? "" }
    let touched = try repository.gitLines("log", "--first-parent", "--format=%H", "--", ".budgets")
    // Git is the oracle for where budget files changed at all.
    #expect(Set(byCommit.keys).isSubset(of: Set(touched)))
    for commit in touched {
      let listed = try namesChanged(in: commit, repository)
      for entry in byCommit[commit] ?? [] {
        let path = entry["path"] as? String ?? ""
        #expect(listed.contains(path), "\(commit): \(path) not in git's \(listed)")
      }
    }
    // The model is the oracle for what the values did.
    for commit in touched {
      let expected = history.expectedChanges[commit] ?? []
      let reported = (byCommit[commit] ?? []).map(GeneratedHistory.Change.init(json:)).sorted()
      #expect(
        reported == expected.sorted(), "commit \(commit) \(history.descriptions[commit] ?? "")")
    }
    // Every commit the model says changed values is reported; comment-only, unit-only and
    // rename-only commits are not.
    let meaningful = Set(history.expectedChanges.filter { !$0.value.isEmpty }.keys)
    #expect(Set(byCommit.keys) == meaningful)
    // The history exercised what it was meant to.
    #expect(meaningful.count > 15)
    #expect(entries.count > 25)
    let kinds = Set(history.descriptions.values.map { $0.split(separator: " ")[0] })
    #expect(kinds.isSuperset(of: ["merge", "rename", "unit", "comment", "add", "remove"]))
  }

  @Test func blameMatchesTheModelForEveryValue() throws {
    let history = try GeneratedHistory(seed: 7, commits: 30)
    for budget in history.everBudgets.sorted().prefix(3) {
      let object = try HistoryCLI.json(
        ["blame", budget, "latency_p95", "--format", "json"], in: history.repository)
      let lines = try #require(object["history"] as? [[String: Any]])
      let commits = lines.compactMap { $0["commit"] as? String }
      let expected = history.expectedChanges.filter { _, changes in
        changes.contains { $0.budget == budget && $0.metric == "latency_p95" }
      }.keys
      #expect(Set(commits) == Set(expected), "\(budget)")
      // Newest first, following first-parent order.
      let order = try history.repository.gitLines("rev-list", "--first-parent", "HEAD")
      let positions = commits.compactMap { order.firstIndex(of: $0) }
      #expect(positions == positions.sorted())
    }
  }

  /// The paths `git diff --name-status` lists against the first parent (both sides of a rename).
  private func namesChanged(in commit: String, _ repository: TemporaryRepository) throws -> Set<
    String
  > {
    let parents = try repository.git("log", "-1", "--format=%P", commit).split(separator: " ")
    let base = parents.first.map(String.init) ?? "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
    let lines = try repository.gitLines(
      "diff", "--name-status", "-M", base, commit, "--", ".budgets")
    return Set(lines.flatMap { $0.split(separator: "\t").dropFirst().map(String.init) })
  }
}
