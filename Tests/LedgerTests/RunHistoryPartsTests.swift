import BudgetKit
import Foundation
import GitKit
import Measurements
import TestSupport
import Testing

@testable import Ledger

/// `history` of one budget keeps its tree across changes to other budgets, yet says whether the
/// budgets were valid at each commit as a full load would; and a walk read in parts, each on a
/// thread and a repository handle of its own, gives the rows of one walk.
@Suite struct RunHistoryPartsTests {
  static func budget(_ name: String, max: String, owner: String = "sre") -> String {
    """
    version: 1
    kind: Budget
    name: \(name)
    owner: \(owner)
    metrics:
      latency_p95: { dimension: latency, max: \(max) }

    """
  }

  /// Commits along which the shown budget (`fraud`) keeps its bound while the other one breaks
  /// and mends, on its own and against the Owners file; then an exception and a change of
  /// `fraud` itself. Each commit has a run.
  static func fixture() throws -> (TemporaryRepository, Repository, head: Oid, commits: [String]) {
    let fixture = try TemporaryRepository()
    try fixture.write(path: ".budgets/owners.yaml", contents: BudgetFiles.checkOwners)
    try fixture.write(path: ".budgets/fraud.yaml", contents: budget("fraud", max: "100ms"))
    try fixture.write(path: ".budgets/other.yaml", contents: budget("other", max: "50ms"))
    var commits = [try fixture.commit(message: "budgets")]
    let steps: [(path: String, contents: String)] = [
      (".budgets/other.yaml", budget("other", max: "45ms")),
      // An error of the other budget's own: the budgets are invalid there.
      (".budgets/other.yaml", budget("other", max: "banana")),
      (".budgets/other.yaml", budget("other", max: "40ms")),
      // An error across files: a team the Owners file does not have.
      (".budgets/other.yaml", budget("other", max: "40ms", owner: "nobody")),
      (".budgets/other.yaml", budget("other", max: "35ms")),
      (
        ".budgets/exceptions/peak.yaml",
        BudgetFiles.exception("peak", max: "150ms", starts: "2025-11-01", expires: "2025-12-31")
      ),
      (".budgets/other.yaml", budget("other", max: "30ms")),
      (".budgets/fraud.yaml", budget("fraud", max: "90ms")),
      (".budgets/notes.txt", "not a budget file\n"),
      (".budgets/other.yaml", budget("other", max: "25ms")),
    ]
    for (index, step) in steps.enumerated() {
      try fixture.write(path: step.path, contents: step.contents)
      commits.append(try fixture.commit(message: "step \(index)"))
    }
    let repository = try Repository.discover(from: fixture.path)
    for (index, commit) in commits.enumerated() {
      _ = try RunStoreTests.record(
        RunHistoryTests.run(
          commit: commit, fraud: "\(80 + index * 2)ms", other: "20ms",
          at: 1_764_000_000 + Double(index)),
        in: repository)
    }
    return (fixture, repository, try #require(Oid(hex: commits.last!)), commits)
  }

  static func history(_ repository: Repository, head: Oid, budget: BudgetName?) throws
    -> RunHistory
  {
    let lookup = try StoreRunLookup(store: RunStore(repository: repository))
    lookup.onlyBudget = budget
    return RunHistory(repository: repository, runs: lookup, head: head, budget: budget)
  }

  /// What a person reads of a row.
  static func shown(_ rows: [HistoryRow]) -> [String] {
    rows.map { row in
      [
        row.commit.id.hex, "\(row.run.id)", row.result.figure?.value.description ?? "-",
        row.result.verdict.name, row.result.bound.max?.text ?? "-",
        row.exceptionsInForce.map(\.rawValue).joined(separator: ","),
        row.budgetsInvalid ? "invalid" : "valid",
      ].joined(separator: " ")
    }
  }

  @Test func validityAtEachCommitIsThatOfTheWholeTree() throws {
    let (fixture, repository, head, commits) = try Self.fixture()
    defer { withExtendedLifetime(fixture) {} }
    let oneHistory = try Self.history(repository, head: head, budget: "fraud")
    let one = try oneHistory.rows()
    #expect((oneHistory.runs as? StoreRunLookup)?.skipped.isEmpty == true)
    // Without a budget given, every change loads the tree again: the oracle.
    let whole = try Self.history(repository, head: head, budget: nil).rows().filter {
      $0.result.budget == "fraud"
    }
    #expect(one.count == commits.count)
    #expect(Self.shown(one) == Self.shown(whole))
    let invalid = one.filter(\.budgetsInvalid).map(\.commit.id.hex)
    #expect(Set(invalid) == [commits[2], commits[4]])
    #expect(one.map(\.result.bound.max?.text).prefix(3) == ["90ms", "90ms", "90ms"])
  }

  @Test(arguments: [2, 3, 5])
  func aWalkReadInPartsGivesTheRowsOfOneWalk(parts: Int) throws {
    let (fixture, repository, head, _) = try Self.fixture()
    defer { withExtendedLifetime(fixture) {} }
    for budget: BudgetName? in ["fraud", nil] {
      let serial = try Self.history(repository, head: head, budget: budget).rows()
      var split = try Self.history(repository, head: head, budget: budget)
      split.commitsPerPart = 1
      split.maxParts = parts
      let opened = Counter()
      let lookup = try #require(split.runs as? StoreRunLookup)
      split.moreReaders = {
        opened.count += 1
        return HistoryReaders.reopening(repository, lookup: lookup)
      }
      let rows = try split.rows()
      #expect(opened.count == parts)
      #expect(Self.shown(rows) == Self.shown(serial))
      #expect(lookup.skipped.isEmpty)
    }
  }
}

extension RunHistoryPartsTests {
  /// A `.budgets` tree gone from the object database halfway: a walk in parts fails as the
  /// walk on one thread does, naming the same object.
  @Test(arguments: [1, 2, 3])
  func aMissingTreeHalfwayFailsAsOnOneThread(parts: Int) throws {
    let (fixture, repository, head, commits) = try Self.fixture()
    defer { withExtendedLifetime(fixture) {} }
    let tree = try fixture.git("rev-parse", "\(commits[5]):.budgets")
    try FileManager.default.removeItem(
      atPath: fixture.absolutePath(
        ".git/objects/\(tree.prefix(2))/\(tree.dropFirst(2))"))
    let serial = try Self.history(repository, head: head, budget: "fraud")
    var split = try Self.history(repository, head: head, budget: "fraud")
    split.commitsPerPart = 1
    split.maxParts = parts
    let lookup = try #require(split.runs as? StoreRunLookup)
    split.moreReaders = { HistoryReaders.reopening(repository, lookup: lookup) }
    var expected: LedgerError?
    do { _ = try serial.rows() } catch { expected = error }
    let failure = try #require(expected)
    #expect("\(failure)".contains(tree))
    do {
      _ = try split.rows()
      Issue.record("a walk in parts read past a missing tree")
    } catch {
      #expect("\(error)" == "\(failure)")
    }
  }
}

extension RunHistoryPartsTests {
  /// Adds a damaged run file to the runs of each of `commits`, as a commit on the runs ref.
  static func damageRuns(at commits: [String], in fixture: TemporaryRepository) throws {
    let index = ["GIT_INDEX_FILE": fixture.absolutePath(".git/damage-index")]
    try fixture.git(["read-tree", "refs/bursar/runs"], environment: index)
    for (number, commit) in commits.enumerated() {
      let blob = try fixture.git(
        ["hash-object", "-w", "--stdin"], stdin: Data("{\"version\": 1, \"budgets\": [".utf8))
      let id = String(repeating: "\(number + 1)", count: 32)
      try fixture.git(
        [
          "update-index", "--add", "--cacheinfo",
          "100644,\(blob),runs/\(commit.prefix(2))/\(commit)/\(id).json",
        ], environment: index)
    }
    let tree = try fixture.git(["write-tree"], environment: index)
    let damaged = try fixture.git("commit-tree", tree, "-p", "refs/bursar/runs", "-m", "damage")
    try fixture.git("update-ref", "refs/bursar/runs", damaged)
  }

  /// Runs that cannot be read, in several parts of the walk: the same rows, and the same runs
  /// left out in the same order, as on one thread.
  @Test(arguments: [2, 3])
  func runsLeftOutAreToldInHistorysOrder(parts: Int) throws {
    let (fixture, repository, head, commits) = try Self.fixture()
    defer { withExtendedLifetime(fixture) {} }
    try Self.damageRuns(at: [commits[9], commits[1], commits[5]], in: fixture)
    let serial = try Self.history(repository, head: head, budget: "fraud")
    let serialRows = try serial.rows()
    var split = try Self.history(repository, head: head, budget: "fraud")
    split.commitsPerPart = 1
    split.maxParts = parts
    let lookup = try #require(split.runs as? StoreRunLookup)
    split.moreReaders = { HistoryReaders.reopening(repository, lookup: lookup) }
    let rows = try split.rows()
    let expected = try #require(serial.runs as? StoreRunLookup).skipped.map(\.path)
    #expect(expected.count == 3)
    #expect(lookup.skipped.map(\.path) == expected)
    #expect(Self.shown(rows) == Self.shown(serialRows))
  }
}

private final class Counter: @unchecked Sendable {
  var count = 0
}
