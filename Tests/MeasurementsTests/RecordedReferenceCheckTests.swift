import BudgetKit
import Foundation
import Measurements
import TestSupport
import Testing

/// `check` with baselines and drift references named by recorded runs: the figure each stands
/// for, the median of a commit's runs, and every way a reference can give no figure, each an
/// error at the reference in the budget file.
@Suite struct RecordedReferenceCheckTests {
  static let commit = String(repeating: "cd", count: 20)

  /// Runs held in memory, by id and by commit.
  final class Runs: RecordedRunSource {
    var all: [RecordedRun] = []
    init(_ runs: [RecordedRun]) { all = runs }
    func run(_ id: RunID) throws(ReferenceProblem) -> RecordedRun? { all.first { $0.id == id } }
    func runs(atCommit commit: String) throws(ReferenceProblem) -> [RecordedRun] {
      all.filter { $0.commit == commit }
    }
  }

  static func run(
    _ figures: String, environment: EnvironmentName = .production, commit: String = commit,
    at seconds: Double = 1_764_000_000
  ) throws -> RecordedRun {
    let text = CheckFixtures.yaml(figures, budget: "refs")
    return RecordedRun(
      measurements: try CheckFixtures.measurements(text), commit: commit,
      recordedAt: Date(timeIntervalSince1970: seconds), environment: environment,
      source: RunSource(tool: "bursar", format: "yaml", file: "m.yaml"),
      recorder: RunRecorder(name: "CI", email: "ci@example.com"))
  }

  static func budget(_ metrics: String) -> String {
    """
    version: 1
    kind: Budget
    name: refs
    owner: ml-eng
    metrics:
    \(metrics)
    environments:
      staging: {}

    """
  }

  static func check(_ metrics: String, _ figures: String, runs: [RecordedRun]) throws(CheckProblems)
    -> CheckReport
  {
    let tree = BudgetTreeLoader().load([
      BudgetSourceFile(
        path: ".budgets/owners.yaml", content: .bytes(Array(BudgetFiles.checkOwners.utf8))),
      BudgetSourceFile(path: ".budgets/refs.yaml", content: .bytes(Array(budget(metrics).utf8))),
    ])
    precondition(tree.isValid, "\(tree.diagnostics)")
    let measurements = try! CheckFixtures.measurements(CheckFixtures.yaml(figures, budget: "refs"))
    return try BudgetChecker(tree: tree, options: CheckOptions(allowMissing: true)).check(
      measurements, recorded: Runs(runs))
  }

  static func floor(_ reference: String) -> String {
    "  precision: { dimension: quality, baseline: \(reference), max_drop: 5% }"
  }

  @Test func aRunBaselineIsTheRunsFigure() throws {
    let run = try Self.run("precision: 0.96")
    let report = try Self.check(Self.floor("{run: \(run.id)}"), "precision: 0.92", runs: [run])
    let result = try report.result("precision", budget: "refs")
    #expect(result.bound.baseline?.baseValue == Decimal(string: "0.96"))
    #expect(result.verdict == .within)
    let failing = try Self.check(Self.floor("{run: \(run.id)}"), "precision: 0.91", runs: [run])
    #expect(try failing.result("precision", budget: "refs").verdict == .breached)
  }

  @Test func aPercentileBaselineIsTakenFromTheRunsSamples() throws {
    let run = try Self.run("latency: { unit: ms, samples: [10, 20, 30, 40, 50] }")
    let report = try Self.check(
      "  latency_p50: { dimension: latency, baseline: {run: \(run.id)}, max_rise: 10% }",
      "latency_p50: 32ms", runs: [run])
    let result = try report.result("latency_p50", budget: "refs")
    // p50 of 10…50ms is 30ms, read from the run's summary of the samples.
    let baseline = try #require(result.bound.baseline?.doubleValue)
    #expect(abs(baseline - 0.03) <= 0.03 * SampleSummary.relativeError, "\(baseline)")
    #expect(result.verdict == .within)
  }

  @Test func aCommitBaselineIsTheMedianOfTheEnvironmentsRuns() throws {
    let runs = [
      try Self.run("precision: 0.90", at: 1), try Self.run("precision: 0.96", at: 2),
      try Self.run("precision: 0.94", at: 3), try Self.run("precision: 0.99", at: 4),
      try Self.run("precision: 0.50", environment: "staging", at: 5),
      try Self.run("precision: 0.10", commit: String(repeating: "ef", count: 20), at: 6),
    ]
    let report = try Self.check(
      Self.floor("{commit: \(Self.commit)}"), "precision: 0.95", runs: runs)
    // 0.90, 0.94, 0.96, 0.99: the mean of the middle two.
    #expect(
      try report.result("precision", budget: "refs").bound.baseline?.baseValue
        == Decimal(string: "0.95"))
    let odd = try Self.check(
      Self.floor("{commit: \(Self.commit)}"), "precision: 0.95", runs: Array(runs.prefix(3)))
    let baseline = try odd.result("precision", budget: "refs").bound.baseline
    #expect(baseline?.baseValue == Decimal(string: "0.94"), "\(String(describing: baseline))")
  }

  static func problem(_ metrics: String, _ figures: String, runs: [RecordedRun]) -> CheckError? {
    do {
      _ = try check(metrics, figures, runs: runs)
      return nil
    } catch {
      return error.problems.first
    }
  }

  @Test func aReferenceThatGivesNoFigureIsAnErrorAtTheReference() throws {
    let run = try Self.run("recall: 0.8")
    let staging = try Self.run("precision: 0.9", environment: "staging")
    let unknown = String(repeating: "0", count: 32)
    let cases: [(String, [RecordedRun], String)] = [
      (Self.floor("{run: \(unknown)}"), [run], "no run \(unknown) is recorded"),
      (Self.floor("{run: \(run.id)}"), [run], "holds no figure of `precision`"),
      (Self.floor("{run: \(staging.id)}"), [staging], "measured environment `staging`"),
      (Self.floor("{commit: \(Self.commit)}"), [], "no run is recorded against commit"),
      (Self.floor("{commit: \(Self.commit)}"), [staging], "no run of environment `production`"),
    ]
    for (metrics, runs, reason) in cases {
      let problem = try #require(Self.problem(metrics, "precision: 0.9", runs: runs), "\(reason)")
      let text = problem.description
      #expect(text.hasPrefix(".budgets/refs.yaml:6:"), "\(text)")
      #expect(text.contains(reason), "\(text)")
      #expect(text.contains("the `baseline` of `precision` of `refs`"), "\(text)")
    }
  }

  @Test func withoutTheRecordedRunsAPinnedMetricIsAnErrorUnlessIgnored() throws {
    let run = try Self.run("precision: 0.96")
    let tree = BudgetTreeLoader().load([
      BudgetSourceFile(
        path: ".budgets/owners.yaml", content: .bytes(Array(BudgetFiles.checkOwners.utf8))),
      BudgetSourceFile(
        path: ".budgets/refs.yaml",
        content: .bytes(Array(Self.budget(Self.floor("{run: \(run.id)}")).utf8))),
    ])
    let measurements = try CheckFixtures.measurements(
      CheckFixtures.yaml("precision: 0.5", budget: "refs"))
    let checker = BudgetChecker(tree: tree, options: CheckOptions(allowMissing: true))
    #expect(throws: CheckProblems.self) { try checker.check(measurements) }
    do {
      _ = try checker.check(measurements)
    } catch {
      #expect(error.description.contains("the recorded runs were not read"), "\(error)")
    }
    let ignored = try checker.check(measurements, references: .ignored)
    #expect(try ignored.result("precision", budget: "refs").figure?.value == 0.5)
  }

  @Test func aDriftReferenceIsTheRunsSamples() throws {
    let reference = (1...30).map { "\($0)" }.joined(separator: ", ")
    let run = try Self.run("amount: { samples: [\(reference)] }")
    let metric = "  amount: { dimension: quality, drift: ks, reference: {run: \(run.id)} }"
    let same = try Self.check(metric, "amount: { samples: [\(reference)] }", runs: [run])
    let drift = try #require(try same.result("amount", budget: "refs").shape?.drift)
    #expect(drift.referenceCount == 30)
    // Each value of the rebuilt reference is within its bucket, so D moves by at most the
    // largest share of one bucket (one sample of 30 here) from the exact D of 0.
    #expect((drift.statistic ?? 1) <= 1.0 / 30 + 1e-12, "\(drift)")
    #expect(try same.result("amount", budget: "refs").verdict == .within)
    #expect(drift.reference == .recorded(.run(run.id.rawValue)))
    let shifted = (101...130).map { "\($0)" }.joined(separator: ", ")
    let moved = try Self.check(metric, "amount: { samples: [\(shifted)] }", runs: [run])
    #expect(try moved.result("amount", budget: "refs").verdict == .breached)
  }

  @Test func aDriftReferenceNeedsRecordedSamplesAndACurrentSampleAlone() throws {
    let summary = try Self.run("amount: 3")
    let metric = "  amount: { dimension: quality, drift: ks, reference: {run: \(summary.id)} }"
    let notSamples = try #require(
      Self.problem(metric, "amount: { samples: [1, 2] }", runs: [summary]))
    #expect(notSamples.description.contains("not as raw samples"), "\(notSamples)")
    #expect(notSamples.description.hasPrefix(".budgets/refs.yaml:6:"), "\(notSamples)")
    let samples = try Self.run("amount: { samples: [1, 2, 3] }")
    let both = try #require(
      Self.problem(
        "  amount: { dimension: quality, drift: ks, reference: {run: \(samples.id)} }",
        "amount: { reference: [1, 2], current: [1, 2] }", runs: [samples]))
    #expect(both.description.contains("give the current sample alone"), "\(both)")
  }

  /// Rebuilt from the summary, each value is within the summary's precision of its sample.
  @Test func aReconstructedSampleStaysWithinTheSummarysPrecision() throws {
    var generator = SystemRandomNumberGenerator()
    let values = (0..<2000).map { _ in Double.random(in: 0.001...2.5, using: &generator) }
    let set = SampleSet(
      baseValues: values, unit: QuantityUnit.named("s")!, location: .start(of: "t"))
    let rebuilt = SampleSummary(set).reconstructed(at: .start(of: "t"))
    #expect(rebuilt.count == set.count)
    #expect(rebuilt.sorted.first == set.sorted.first)
    #expect(rebuilt.sorted.last == set.sorted.last)
    for (original, back) in zip(set.sorted, rebuilt.sorted) {
      #expect(abs(back - original) <= original * SampleSummary.relativeError + 1e-9)
    }
    #expect(SampleSummary(set).largestBucketShare > 0)
  }
}
