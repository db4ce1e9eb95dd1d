import BudgetKit
import Foundation

/// The figures recorded references stand for: a baseline (`baseline: {run: <id>}` or
/// `{commit: <id>}`) as the figure `check` computes from the run, and a drift test's reference
/// sample (`reference: {run: <id>}`) rebuilt from the samples the run kept.
public struct RecordedFigures {
  /// The most values a reference sample is rebuilt with: a run's summary counts samples, and a
  /// count beyond this would fill memory before the test could run.
  public static let maxReferenceSamples = 10_000_000

  public let runs: any RecordedRunSource
  /// The tree whose metrics decide how a figure is computed from a run (a percentile…).
  public let tree: BudgetTree
  public let percentileMethod: PercentileMethod

  public init(
    runs: any RecordedRunSource, tree: BudgetTree, percentileMethod: PercentileMethod = .linear
  ) {
    self.runs = runs
    self.tree = tree
    self.percentileMethod = percentileMethod
  }

  /// The baseline a reference stands for in `environment`: the metric's figure in the run, or
  /// the median of its figures in the runs of that environment recorded against the commit.
  public func baseline(
    _ reference: RecordedReference, budget: BudgetName, metric: MetricName,
    environment: EnvironmentName
  ) throws(ReferenceProblem) -> Quantity {
    switch reference {
    case .run(let id):
      let run = try self.run(id)
      guard run.environment == environment else {
        throw ReferenceProblem(
          "run \(id) measured environment `\(run.environment)`, not `\(environment)`; give `\(environment)` a baseline of its own under `environments`"
        )
      }
      guard let figure = figure(of: metric, budget: budget, in: run) else {
        throw ReferenceProblem("run \(id) holds no figure of `\(metric)` of `\(budget)`")
      }
      return figure
    case .commit(let commit):
      let all = try runs.runs(atCommit: commit)
      guard !all.isEmpty else {
        throw ReferenceProblem("no run is recorded against commit \(commit)")
      }
      let recorded = all.filter { $0.environment == environment }
      guard !recorded.isEmpty else {
        throw ReferenceProblem(
          "no run of environment `\(environment)` is recorded against commit \(commit)")
      }
      let figures = recorded.compactMap { figure(of: metric, budget: budget, in: $0) }
      guard !figures.isEmpty else {
        throw ReferenceProblem(
          "no run recorded against commit \(commit) holds a figure of `\(metric)` of `\(budget)`")
      }
      return try Self.median(figures)
    }
  }

  /// The reference sample of a drift test: the raw samples of the metric the run kept,
  /// rebuilt from their summary (`SampleSummary.reconstructed`).
  public func referenceSample(
    _ reference: RecordedReference, budget: BudgetName, metric: MetricName
  ) throws(ReferenceProblem) -> SampleSet {
    guard case .run(let id) = reference else {
      throw ReferenceProblem("a drift reference names one run, not a commit")
    }
    let run = try self.run(id)
    guard let recorded = run.budgets.first(where: { $0.name == budget }),
      let figure = recorded.figure(named: metric)
    else {
      throw ReferenceProblem("run \(id) holds no samples of `\(metric)` of `\(budget)`")
    }
    guard case .samples(let summary) = figure.value else {
      throw ReferenceProblem(
        "run \(id) holds `\(metric)` of `\(budget)` as one figure, not as raw samples; a drift reference is a recorded sample"
      )
    }
    guard summary.count <= Self.maxReferenceSamples else {
      throw ReferenceProblem(
        "run \(id) holds \(summary.count) samples of `\(metric)`, more than the \(Self.maxReferenceSamples) a reference is rebuilt with"
      )
    }
    return summary.reconstructed(at: .start(of: "run \(id)"))
  }

  private func run(_ text: String) throws(ReferenceProblem) -> RecordedRun {
    guard let id = RunID(text), let run = try runs.run(id) else {
      throw ReferenceProblem(
        "no run \(text) is recorded on refs/bursar/runs (`bursar export --runs` lists the recorded runs; `bursar runs sync` fetches a remote's)"
      )
    }
    return run
  }

  /// The metric's figure in a run, as `check` would compute it there: a summary as recorded,
  /// a statistic of recorded samples read from their summary.
  private func figure(of metric: MetricName, budget: BudgetName, in run: RecordedRun) -> Quantity? {
    let measured = run.measurements(for: tree, method: percentileMethod)
    guard
      let entry = measured.budgets.first(where: { $0.name.value == budget })?
        .entry(named: metric),
      case .summary(let quantity) = entry.value
    else { return nil }
    return quantity.value
  }

  /// The median of figures of one metric: the middle one, or the mean of the middle two, in
  /// the unit of the first.
  static func median(_ figures: [Quantity]) throws(ReferenceProblem) -> Quantity {
    let unit = figures[0].unit
    let sorted = figures.sorted { $0.baseValue < $1.baseValue }
    let middle = sorted.count / 2
    guard sorted.count % 2 == 0 else { return sorted[middle] }
    let (low, high) = (sorted[middle - 1], sorted[middle])
    guard low.family.unified(with: high.family) != nil else {
      throw ReferenceProblem(
        "the runs record `\(low.text)` and `\(high.text)`, of two unit families")
    }
    let value = (low.doubleValue + high.doubleValue) / 2
    guard case .success(let quantity) = QuantityParser.parse(QuantityText.format(value, in: unit))
    else { return low }
    return quantity
  }
}
