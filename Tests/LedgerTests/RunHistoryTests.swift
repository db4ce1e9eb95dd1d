import BudgetKit
import Foundation
import GitKit
import Measurements
import TestSupport
import Testing

@testable import Ledger

/// `history` of one budget reads each run cut down to that budget, and its rows keep the
/// figure, not the run: the same figures and verdicts as a full read, on a real repository.
@Suite struct RunHistoryTests {
  static func budget(_ name: String, max: String) -> String {
    """
    version: 1
    kind: Budget
    name: \(name)
    owner: sre
    metrics:
      latency_p95: { dimension: latency, max: \(max) }

    """
  }

  static func run(commit: String, fraud: String, other: String, at seconds: Double) throws
    -> RecordedRun
  {
    let json = """
      {"version": 1, "kind": "Measurements", "values": {
        "fraud": {"latency_p95": "\(fraud)"}, "fraud-x": {"latency_p95": "1ms"},
        "other": {"latency_p95": "\(other)"}}}
      """
    return RecordedRun(
      measurements: try MeasurementsParser().parse(Array(json.utf8), path: "m.json"),
      commit: commit, recordedAt: Date(timeIntervalSince1970: seconds), environment: nil,
      source: RunSource(tool: "bursar", format: "json", file: "fraud.json"),
      recorder: RunRecorder(name: "Zoë \"fraud\"", email: "ci@example.com"))
  }

  @Test func oneBudgetGivesTheFiguresOfAFullReadAndRowsKeepNoRun() throws {
    let fixture = try TemporaryRepository()
    try fixture.write(path: ".budgets/owners.yaml", contents: BudgetFiles.checkOwners)
    try fixture.write(path: ".budgets/fraud.yaml", contents: Self.budget("fraud", max: "100ms"))
    try fixture.write(path: ".budgets/other.yaml", contents: Self.budget("other", max: "50ms"))
    var commits = [try fixture.commit(message: "budgets")]
    // Another budget changes: the judged budget's tree is kept.
    try fixture.write(path: ".budgets/other.yaml", contents: Self.budget("other", max: "40ms"))
    commits.append(try fixture.commit(message: "other"))
    // The judged budget changes: its tree is read again.
    try fixture.write(path: ".budgets/fraud.yaml", contents: Self.budget("fraud", max: "90ms"))
    commits.append(try fixture.commit(message: "fraud"))
    let repository = try Repository.discover(from: fixture.path)
    for (index, commit) in commits.enumerated() {
      let run = try Self.run(
        commit: commit, fraud: "\(92 + index)ms", other: "45ms",
        at: 1_764_000_000 + Double(index) * 60)
      _ = try RunStoreTests.record(run, in: repository)
    }
    let head = try #require(Oid(hex: commits[2]))

    let cutLookup = try StoreRunLookup(store: RunStore(repository: repository))
    cutLookup.onlyBudget = "fraud"
    let cut = try RunHistory(
      repository: repository, runs: cutLookup, head: head, budget: "fraud"
    ).rows()
    let full = try RunHistory(
      repository: repository, runs: StoreRunLookup(store: RunStore(repository: repository)),
      head: head
    ).rows().filter { $0.result.budget == "fraud" }

    #expect(cut.count == 3)
    #expect(cut.map(\.result.figure?.value) == full.map(\.result.figure?.value))
    #expect(cut.map(\.result.verdict.name) == ["breached", "within", "within"])
    #expect(cut.map(\.result.verdict.name) == full.map(\.result.verdict.name))
    #expect(cut.map(\.result.bound.max?.text) == ["90ms", "100ms", "100ms"])
    #expect(cut.map(\.commit.id.hex) == commits.reversed())
    #expect(cut.map(\.run.id) == full.map(\.run.id))
    #expect(cut.allSatisfy { $0.run.run.budgets.isEmpty })
    #expect(full.allSatisfy { $0.run.run.budgets.isEmpty })
    #expect(cut.map(\.run.run.recorder.name) == Array(repeating: "Zoë \"fraud\"", count: 3))
    #expect(cutLookup.skipped.isEmpty)
  }
}
