import ArgumentParser
import BudgetKit
import Foundation
import Ledger
import Measurements

/// `bursar export --history`: `history`'s figures as JSON lines, one figure a line.
extension ExportCommand {
  func validateHistory() throws {
    guard output == .history else { return }
    if let budget, !BudgetKind.isValid(budget) {
      throw ValidationError("`\(budget)` is not a valid budget name")
    }
    if let metric, !MetricKind.isValid(metric) {
      throw ValidationError("`\(metric)` is not a valid metric name")
    }
    if let percentileMethod, PercentileMethod(rawValue: percentileMethod) == nil {
      throw ValidationError(
        "--percentile-method is linear or nearest-rank, not `\(percentileMethod)`")
    }
  }

  func exportHistory() throws {
    let repo = try repository.open(forHistoryWalk: true)
    let found: HistoryEnds?
    do throws(LedgerError) {
      found = try RevisionResolver(repository: repo).historyEnds(range)
    } catch { throw CommandFailure(error) }
    guard let ends = found else {
      throw CommandFailure("HEAD has no commit yet, so there is no history to export")
    }
    let runs = try RecordedRuns { () throws(RunStoreError) in try RunStore(repository: repo) }
    let budgetName = budget.map { BudgetName($0) }
    runs.lookup.onlyBudget = budgetName
    var history = RunHistory(
      repository: repo, runs: runs.lookup, head: ends.head, base: ends.base,
      budget: budgetName, metric: metric.map { MetricName($0) },
      environment: env.map { EnvironmentName($0) })
    history.percentileMethod = percentileMethod.flatMap(PercentileMethod.init) ?? .linear
    history.references = runs.references
    history.moreReaders = { HistoryReaders.reopening(repo, lookup: runs.lookup) }
    let lines: [ExportHistory.Line]
    do throws(ExportHistory.Failure) {
      lines = try ExportHistory(repository: repo).lines(history)
    } catch {
      switch error {
      case .ledger(let error): throw CommandFailure(error)
      case .unknownBudget(let name, let head, let hint):
        throw CommandFailure(
          "no budget named `\(name)` at \(range ?? "HEAD") (\(head.hex.prefix(7))) and no recorded figure of it: \(hint)"
        )
      case .unknownMetric(let name, let budget, let head, let hint):
        throw CommandFailure(
          "budget `\(budget)` has no metric `\(name)` at \(range ?? "HEAD") (\(head.hex.prefix(7))) and no recorded figure of it: \(hint)"
        )
      }
    }
    let renderer = HistoryExportRenderer()
    var sink = ExportSink(file: outputFile)
    for line in lines { sink.write(renderer.line(line)) }
    try sink.finish()
    runs.warnAboutSkips()
  }
}
