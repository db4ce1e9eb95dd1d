import BudgetKit
import Ledger
import Measurements

/// What `check --against-history N` adds: each figure against the last N recorded runs of the
/// environment on the first-parent history of the commit checked (HEAD for the work tree and
/// the index).
struct CheckHistory {
  /// The runs compared when `--against-history` is given without a number.
  static let defaultRuns = 20

  var runs: Int
  var source: BudgetSource

  func annotate(
    _ report: CheckReport, tree: BudgetTree, repository options: RepositoryOptions,
    method: PercentileMethod
  ) throws -> CheckReport {
    let repository = try options.open()
    let checked: ResolvedRevision? =
      switch source {
      case .commit(let revision): revision
      case .workTree, .index: RevisionResolver(repository: repository).headIfAny()
      }
    guard let head = checked?.commit else {
      return RegressionAnnotator(tree: tree).annotate(report, runs: runs) { _, _ in [] }
    }
    let recorded = try RecordedRuns { () throws(RunStoreError) in
      try RunStore(repository: repository)
    }
    let history = FigureHistory(
      repository: repository, runs: recorded.lookup, tree: tree, percentileMethod: method)
    let recent: RecentFigures
    do throws(LedgerError) {
      recent = try history.recent(from: head, environment: report.environment, count: runs)
    } catch {
      throw CommandFailure(error)
    }
    recorded.warnAboutSkips()
    return RegressionAnnotator(tree: tree).annotate(report, runs: runs) { budget, metric in
      recent.values(of: budget, metric)
    }
  }

  /// `check … --against-history` with no number means the default: the number is filled in
  /// before parsing, since an option's value cannot be optional otherwise.
  static func fillDefault(_ arguments: [String]) -> [String] {
    guard arguments.first == "check" else { return arguments }
    var filled: [String] = []
    for (index, argument) in arguments.enumerated() {
      filled.append(argument)
      guard argument == "--against-history" else { continue }
      let next = index + 1 < arguments.count ? arguments[index + 1] : nil
      if next.map({ Int($0) == nil }) ?? true { filled.append(String(defaultRuns)) }
    }
    return filled
  }
}
