import Foundation
import TestSupport
import Testing

/// History commands on the shapes git histories take: merges, octopus merges, unrelated
/// histories, renames, odd dates and encodings, bare repositories, worktrees, shallow clones.
@Suite struct HistoryGitEdgeCaseTests {
  typealias Files = HistoryFiles

  private func log(_ arguments: [String], _ repository: TemporaryRepository, cwd: String? = nil)
    throws
    -> [[String: Any]]
  {
    let result = try HistoryCLI.run(
      ["log", "--format", "jsonl"] + arguments, in: repository, cwd: cwd)
    #expect(result.status == 0, "\(result.stderrText)")
    return result.lines.compactMap {
      try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
  }

  private func commits(_ entries: [[String: Any]]) -> [String] {
    var seen = Set<String>()
    return entries.compactMap { $0["commit"] as? String }.filter { seen.insert($0).inserted }
  }

  /// main with fraud and search budgets; branches a and b each change one of them.
  private func branchy() throws -> TemporaryRepository {
    let repository = try Files.repository()
    try repository.write(path: ".budgets/models/search.yaml", contents: Files.budget("search"))
    try repository.commit(message: "Add search")
    for (branch, file, name) in [("a", "fraud", "fraud"), ("b", "search", "search")] {
      try repository.git("checkout", "-q", "-b", branch, "main")
      try repository.write(
        path: ".budgets/models/\(file).yaml", contents: Files.budget(name, latency: "90ms"))
      try repository.commit(message: "Tighten \(name) on \(branch)")
    }
    try repository.git("checkout", "-q", "main")
    try repository.write(path: "README", contents: "main moves on\n")
    try repository.commit(message: "Unrelated work on main")
    return repository
  }

  @Test func mergeIsOneChangeOnTheMainlineAndItsBranchWithAllParents() throws {
    let repository = try branchy()
    try repository.git(
      ["merge", "-q", "--no-ff", "--no-edit", "a"], environment: repository.commitDateEnvironment())
    let merge = try repository.git("rev-parse", "HEAD")
    let branchCommit = try repository.git("rev-parse", "a")
    let mainline = try log(["--budget", "fraud", "--kind", "tighten"], repository)
    #expect(commits(mainline) == [merge])
    let all = try log(["--all-parents", "--budget", "fraud", "--kind", "tighten"], repository)
    #expect(commits(all) == [branchCommit])
  }

  @Test func octopusMergeBringsBothBranches() throws {
    let repository = try branchy()
    try repository.git(
      ["merge", "-q", "--no-edit", "a", "b"], environment: repository.commitDateEnvironment())
    let octopus = try repository.git("rev-parse", "HEAD")
    #expect(
      try repository.gitLines("log", "-1", "--format=%P").first?.split(separator: " ").count == 3)
    let mainline = try log(["--kind", "tighten"], repository)
    #expect(commits(mainline) == [octopus])
    #expect(Set(mainline.compactMap { $0["budget"] as? String }) == ["fraud", "search"])
    let all = try log(["--all-parents", "--kind", "tighten"], repository)
    #expect(
      Set(commits(all))
        == Set([try repository.git("rev-parse", "a"), try repository.git("rev-parse", "b")]))
  }

  @Test func evilMergeShowsWhatOnlyTheMergeDecided() throws {
    let repository = try branchy()
    try repository.git(
      ["merge", "-q", "--no-ff", "--no-commit", "a"],
      environment: repository.commitDateEnvironment())
    try repository.write(
      path: ".budgets/models/search.yaml", contents: Files.budget("search", precision: "0.97"))
    try repository.git("add", "-A")
    try repository.git(
      ["commit", "-q", "--no-edit"], environment: repository.commitDateEnvironment())
    let merge = try repository.git("rev-parse", "HEAD")
    let all = try log(["--all-parents", "--kind", "tighten"], repository)
    let fromMerge = all.filter { $0["commit"] as? String == merge }
    #expect(fromMerge.map { $0["budget"] as? String } == ["search"])
  }

  @Test func unrelatedHistories() throws {
    let repository = try Files.repository()
    try repository.git("checkout", "-q", "--orphan", "other")
    try repository.git("rm", "-q", "-r", "--cached", ".")
    try repository.remove(path: ".budgets")
    try repository.write(path: ".budgets/owners.yaml", contents: Files.owners)
    try repository.write(path: ".budgets/models/other.yaml", contents: Files.budget("other"))
    let otherRoot = try repository.commit(message: "Another root")
    try repository.git("checkout", "-q", "main")
    let noBase = try HistoryCLI.run(["diff", "main...other"], in: repository)
    #expect(noBase.status == 2)
    #expect(noBase.stderrText.contains("share no history"))
    let direct = try HistoryCLI.json(["diff", "main", "other", "--format", "json"], in: repository)
    #expect(
      (direct["changes"] as? [[String: Any]])?.contains { $0["budget"] as? String == "other" }
        == true)
    try repository.git(
      ["merge", "-q", "--allow-unrelated-histories", "--no-edit", "-X", "ours", "other"],
      environment: repository.commitDateEnvironment())
    let merge = try repository.git("rev-parse", "HEAD")
    let mainline = try log(["--budget", "other"], repository)
    #expect(commits(mainline) == [merge])
    let all = try log(["--all-parents", "--budget", "other"], repository)
    #expect(commits(all) == [otherRoot])
  }

  @Test func renameKeepsTheBudgetAndFollowsIt() throws {
    let repository = try Files.repository()
    try repository.git("mv", ".budgets/models/fraud.yaml", ".budgets/fraud.yml")
    try repository.commit(message: "Move")
    try repository.remove(path: ".budgets/fraud.yml")
    try repository.write(
      path: ".budgets/teams/fraud.yaml", contents: Files.budget("fraud", latency: "95ms"))
    let moved = try repository.commit(message: "Move and tighten")
    let entries = try log(["--budget", "fraud"], repository)
    #expect(commits(entries).first == moved)
    #expect(entries.first?["path"] as? String == ".budgets/teams/fraud.yaml")
    #expect(entries.filter { $0["kind"] as? String == "added" }.count == 2)
    #expect(entries.count == 3)
  }

  @Test func oddDatesAreShownAsRecordedAndDatesFollowFirstParents() throws {
    let repository = try Files.repository()
    try repository.write(
      path: ".budgets/models/fraud.yaml", contents: Files.budget("fraud", latency: "110ms"))
    // A commit dated long before its parent, in a half-hour time zone.
    try repository.git(
      ["commit", "-qam", "Skewed clock"],
      environment: ["GIT_AUTHOR_DATE": "@86400 -0130", "GIT_COMMITTER_DATE": "@86400 -0130"])
    try repository.write(
      path: ".budgets/models/fraud.yaml", contents: Files.budget("fraud", latency: "120ms"))
    try repository.git(
      ["commit", "-qam", "Far future"],
      environment: [
        "GIT_AUTHOR_DATE": "@4102444800 +1400", "GIT_COMMITTER_DATE": "@4102444800 +1400",
      ])
    let entries = try log([], repository)
    #expect(entries.first?["date"] as? String == "2100-01-01T14:00:00+14:00")
    #expect(entries.dropFirst().first?["date"] as? String == "1970-01-01T22:30:00-01:30")
    #expect(try log(["--since", "2099-01-01"], repository).count == 1)
    // HEAD~1 is dated 1970, so it is the newest first-parent commit at or before 1971.
    let object = try HistoryCLI.json(
      ["show", "--at", "1971-01-01", "--format", "json"], in: repository)
    let metrics = (object["budgets"] as? [[String: Any]])?.first?["metrics"] as? [[String: Any]]
    #expect(metrics?.first?["max"] as? String == "110ms")
  }

  @Test func latin1CommitIsDecoded() throws {
    let repository = try Files.repository()
    try repository.write(
      path: ".budgets/models/fraud.yaml", contents: Files.budget("fraud", latency: "101ms"))
    try repository.git("add", "-A")
    let tree = try repository.git("write-tree")
    let parent = try repository.git("rev-parse", "HEAD")
    var object = Data("tree \(tree)\nparent \(parent)\n".utf8)
    object +=
      Data("author Jos".utf8) + Data([0xE9]) + Data(" <jose@example.com> 1700000600 +0100\n".utf8)
    object +=
      Data("committer Jos".utf8) + Data([0xE9])
      + Data(" <jose@example.com> 1700000600 +0100\n".utf8)
    object += Data("encoding ISO-8859-1\n\nCaf".utf8) + Data([0xE9]) + Data(" budget\n".utf8)
    let id = try repository.git(["hash-object", "-t", "commit", "-w", "--stdin"], stdin: object)
    try repository.git("update-ref", "refs/heads/main", id)
    let entries = try log(["--kind", "loosen"], repository)
    #expect(entries.first?["author"] as? String == "José")
    #expect(entries.first?["rationale"] as? String == "Café budget")
    #expect(try repository.git("log", "-1", "--format=%an %s") == "José Café budget")
  }

  @Test func bareRepositoryReadsRevisions() throws {
    let source = try Files.repository()
    try source.write(
      path: ".budgets/models/fraud.yaml", contents: Files.budget("fraud", latency: "120ms"))
    try source.commit(message: "Loosen")
    let bare = try TemporaryRepository(cloning: source.url, bare: true)
    // Owners, two values added, then the loosening.
    #expect(try log([], bare).count == 4)
    let diff = try HistoryCLI.json(["diff", "HEAD~1", "HEAD", "--format", "json"], in: bare)
    #expect((diff["changes"] as? [[String: Any]])?.count == 1)
    let noWorkTree = try HistoryCLI.run(["diff"], in: bare)
    #expect(noWorkTree.status == 2)
    #expect(noWorkTree.stderrText.contains("bare"))
    let show = try HistoryCLI.json(["show", "--format", "json"], in: bare)
    #expect((show["at"] as? String)?.hasPrefix("HEAD") == true)
    let blame = try HistoryCLI.run(["blame", "fraud", "latency_p95"], in: bare)
    #expect(blame.status == 0)
  }

  @Test func linkedWorktreeHasItsOwnHeadAndFiles() throws {
    let repository = try Files.repository()
    try repository.git("branch", "feature")
    let worktree = repository.directory.appending("wt")
    try repository.git("worktree", "add", "-q", worktree, "feature")
    try repository.git(["commit", "-q", "--allow-empty", "-m", "main only"])
    try Files.budget("fraud", latency: "140ms").write(
      toFile: worktree + "/.budgets/models/fraud.yaml", atomically: true, encoding: .utf8)
    let diff = try HistoryCLI.run(["diff", "--format", "json"], in: repository, cwd: worktree)
    #expect(diff.stdoutText.contains("\"140ms\""))
    let mainDiff = try HistoryCLI.run(["diff", "--format", "json"], in: repository)
    #expect(!mainDiff.stdoutText.contains("\"140ms\""))
    try repository.git(["commit", "-qam", "Loosen on feature"], cwd: worktree)
    let entries = try log(["--kind", "loosen"], repository, cwd: worktree)
    #expect(entries.count == 1)
    #expect(try log(["--kind", "loosen"], repository).isEmpty)
  }

  @Test func shallowCloneSaysWhatIsMissingAndNeverAnswersWrongly() throws {
    let source = try Files.repository()
    for latency in ["110ms", "120ms", "130ms"] {
      try source.write(
        path: ".budgets/models/fraud.yaml", contents: Files.budget("fraud", latency: latency))
      try source.commit(message: "Latency \(latency)")
    }
    let clone = try TemporaryRepository(cloning: source.url, arguments: ["--depth", "2"])
    let missing = try source.git("rev-parse", "HEAD~2")
    let result = try HistoryCLI.run(["log", "--format", "jsonl"], in: clone)
    #expect(result.status == 2)
    #expect(result.stderrText.contains(missing))
    #expect(result.stderrText.contains("git fetch --unshallow"))
    #expect(result.stderrText.contains("--depth"))
    // What was printed before the cut is right: the newest change only.
    #expect(result.lines.count == 1)
    #expect(result.stdoutText.contains("\"120ms\"") && result.stdoutText.contains("\"130ms\""))
    let blame = try HistoryCLI.run(["blame", "fraud", "latency_p95"], in: clone)
    #expect(blame.status == 2)
    #expect(blame.stderrText.contains("--unshallow"))
    #expect(try HistoryCLI.run(["diff", "HEAD~1", "HEAD"], in: clone).status == 0)
    let beyond = try HistoryCLI.run(["diff", "HEAD~3"], in: clone)
    #expect(beyond.status == 2)
    #expect(beyond.stderrText.contains("shallow"))
    let register = try HistoryCLI.run(["exceptions", "--no-history"], in: clone)
    #expect(register.status == 0)
  }
}
