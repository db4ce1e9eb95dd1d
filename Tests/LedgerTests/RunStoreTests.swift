import BudgetKit
import Foundation
import GitKit
import Measurements
import TestSupport
import Testing

@testable import Ledger

/// Runs written on `refs/bursar/runs` and read back, merged between clones and pushed through a
/// forced race, on real repositories (built with the git CLI, which also checks the layout).
@Suite struct RunStoreTests {
  static let committer = Signature(
    name: "CI", email: "ci@example.com", time: Date(timeIntervalSince1970: 1_764_000_000),
    offsetMinutes: 0)

  static func run(commit: String, latency: String, at seconds: Double = 1_764_000_000)
    throws -> RecordedRun
  {
    let json =
      #"{"version": 1, "kind": "Measurements", "values": {"fraud": {"latency_p95": "\#(latency)"}}}"#
    return RecordedRun(
      measurements: try MeasurementsParser().parse(Array(json.utf8), path: "m.json"),
      commit: commit, recordedAt: Date(timeIntervalSince1970: seconds), environment: nil,
      source: RunSource(tool: "bursar", format: "json", file: "m.json"),
      recorder: RunRecorder(name: "CI", email: "ci@example.com"))
  }

  static func record(_ run: RecordedRun, in repository: Repository) throws -> RunWriter.Addition {
    try RunWriter(repository: repository, committer: committer).add(
      run, bytes: RunDocument.encode(run), commit: #require(Oid(hex: run.commit)))
  }

  /// A repository with three first-parent commits.
  static func history() throws -> (TemporaryRepository, [String]) {
    let fixture = try TemporaryRepository()
    var commits: [String] = []
    for index in 1...3 {
      try fixture.write(path: "f.txt", contents: "\(index)\n")
      commits.append(try fixture.commit(message: "c\(index)"))
    }
    return (fixture, commits)
  }

  @Test func readsRunsByCommitAndHistory() throws {
    let (fixture, commits) = try Self.history()
    let repository = try Repository.discover(from: fixture.path)
    let first = try Self.run(commit: commits[0], latency: "110ms")
    let third = try Self.run(commit: commits[2], latency: "120ms")
    let thirdAgain = try Self.run(commit: commits[2], latency: "121ms")
    for run in [first, third, thirdAgain] {
      guard case .added = try Self.record(run, in: repository) else {
        Issue.record("not added")
        return
      }
    }
    // The same run again is the same file: nothing changes.
    #expect(
      try Self.record(first, in: repository)
        == .alreadyRecorded(path: RunLayout.path(of: first.id, commit: Oid(hex: commits[0])!)))
    let files = try fixture.gitLines("ls-tree", "-r", "--name-only", RunStore.reference)
    #expect(files.count == 3)
    #expect(files.contains("runs/\(commits[0].prefix(2))/\(commits[0])/\(first.id).json"))

    let store = try RunStore(repository: repository)
    let runs = try store.runs(forCommit: Oid(hex: commits[2])!).compactMap(\.run)
    #expect(Set(runs.map(\.id)) == [third.id, thirdAgain.id])
    #expect(try store.entries(forCommit: Oid(hex: commits[1])!).isEmpty)
    let history = try store.firstParentHistory(from: Oid(hex: commits[2])!)
    #expect(history.map(\.commit.hex) == commits.reversed())
    #expect(history.map(\.runs.count) == [2, 0, 1])
    let range = try store.firstParentHistory(
      from: Oid(hex: commits[2])!, until: Oid(hex: commits[0])!)
    #expect(range.map(\.commit.hex) == [commits[2], commits[1]])
    #expect(try store.allEntries().runs.count == 3)
  }

  @Test func sameIdWithOtherBytesIsRefused() throws {
    let (fixture, commits) = try Self.history()
    let repository = try Repository.discover(from: fixture.path)
    let run = try Self.run(commit: commits[0], latency: "110ms")
    _ = try Self.record(run, in: repository)
    var signed = run
    signed.signature = "changed"
    #expect(throws: RunStoreError.self) { try Self.record(signed, in: repository) }
    let stored = try RunStore(repository: repository).runs(forCommit: Oid(hex: commits[0])!)
    #expect(stored.compactMap(\.run) == [run])
  }

  /// Two clones record against the same commit; each merges the other's runs (a tree union),
  /// and a path both hold with different bytes is reported, ours kept, theirs a parent.
  @Test func mergeIsATreeUnion() throws {
    let (fixture, commits) = try Self.history()
    let other = try TemporaryRepository(cloning: fixture.path)
    let ours = try Repository.discover(from: fixture.path)
    let theirs = try Repository.discover(from: other.path)
    let a = try Self.run(commit: commits[2], latency: "110ms")
    let b = try Self.run(commit: commits[2], latency: "111ms")
    let shared = try Self.run(commit: commits[1], latency: "99ms")
    _ = try Self.record(a, in: ours)
    _ = try Self.record(shared, in: ours)
    _ = try Self.record(b, in: theirs)
    var conflicting = shared
    conflicting.signature = "other bytes, same id"
    _ = try RunWriter(repository: theirs, committer: Self.committer).add(
      conflicting, bytes: RunDocument.encode(conflicting), commit: Oid(hex: commits[1])!)
    try fixture.git(
      "fetch", "-q", other.path, "+\(RunStore.reference):\(RunSync.fetchedReference)")
    let fetched = try #require(try ours.target(ofReference: RunSync.fetchedReference))
    let merge = try RunWriter(repository: ours, committer: Self.committer).merge(fetched)
    #expect(merge.conflicts == [RunLayout.path(of: shared.id, commit: Oid(hex: commits[1])!)])
    let store = try RunStore(repository: ours)
    #expect(
      Set(try store.runs(forCommit: Oid(hex: commits[2])!).compactMap(\.run?.id)) == [a.id, b.id])
    #expect(try store.runs(forCommit: Oid(hex: commits[1])!).compactMap(\.run) == [shared])
    // Theirs stays reachable as the merge's second parent.
    let parents = try fixture.gitLines("rev-list", "--parents", "-n", "1", RunStore.reference)
    #expect(parents.first?.split(separator: " ").count == 3)
    // Merging again changes nothing.
    #expect(
      try RunWriter(repository: ours, committer: Self.committer).merge(fetched).tip == merge.tip)
  }

  /// Both clones record before either pushes; the second's push is rejected because the first
  /// pushed between its fetch and its push, and it fetches, merges and pushes again.
  @Test(arguments: 1...3)
  func forcedRaceLosesNoRun(round: Int) throws {
    let remote = try TemporaryRepository(bare: true)
    let (seed, commits) = try Self.history()
    try seed.git("push", "-q", remote.path, "main")
    let cloneA = try TemporaryRepository(cloning: remote.path)
    let cloneB = try TemporaryRepository(cloning: remote.path)
    let a = try Repository.discover(from: cloneA.path)
    let b = try Repository.discover(from: cloneB.path)
    let runA = try Self.run(commit: commits[2], latency: "\(100 + round)ms")
    let runB = try Self.run(commit: commits[2], latency: "\(200 + round)ms")
    _ = try Self.record(runA, in: a)
    _ = try Self.record(runB, in: b)
    var syncB = RunSync(
      writer: RunWriter(repository: b, committer: Self.committer), remote: "origin")
    var raced = false
    syncB.beforePush = { attempt in
      guard attempt == 1 else { return }
      raced = true
      let pushedA = try? RunSync(
        writer: RunWriter(repository: a, committer: Self.committer), remote: "origin"
      ).run()
      #expect(pushedA?.pushed == true)
    }
    let outcome = try syncB.run()
    #expect(raced)
    #expect(outcome.attempts == 2)
    #expect(outcome.pushed && outcome.conflicts.isEmpty)
    let onRemote = try remote.gitLines("ls-tree", "-r", "--name-only", RunStore.reference)
    #expect(onRemote.count == 2)
    #expect(onRemote.contains { $0.hasSuffix("\(runA.id).json") })
    #expect(onRemote.contains { $0.hasSuffix("\(runB.id).json") })
    // No temporary reference is left behind on the remote.
    #expect(
      try remote.gitLines("for-each-ref", "--format=%(refname)", "refs/bursar") == [
        RunStore.reference
      ])
  }
}
