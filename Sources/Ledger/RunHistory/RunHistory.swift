import BudgetKit
import Foundation
import GitKit
import Measurements

/// Every recorded figure along first-parent history, newest first, each beside the budget that
/// applied at its commit (read from git there, through the blob-id parse cache) and the verdict
/// it had then: `bursar history`.
public struct RunHistory {
  public let repository: any ObjectReading
  public let runs: any RunLookup
  public let head: Oid
  /// With a base, only commits not reachable from it (`A..B`).
  public let base: Oid?
  public let budget: BudgetName?
  public let metric: MetricName?
  public let environment: EnvironmentName?
  public var percentileMethod: PercentileMethod = .linear
  public var root = ".budgets"
  /// Where baselines and drift references pinned to recorded runs are read, for the verdicts.
  public var references: (any RecordedRunSource)?

  public init(
    repository: any ObjectReading, runs: any RunLookup, head: Oid, base: Oid? = nil,
    budget: BudgetName? = nil, metric: MetricName? = nil, environment: EnvironmentName? = nil
  ) {
    self.repository = repository
    self.runs = runs
    self.head = head
    self.base = base
    self.budget = budget
    self.metric = metric
    self.environment = environment
  }

  /// The rows, newest first; a commit's runs newest first.
  public func rows() throws(LedgerError) -> [HistoryRow] {
    let walk: RunWalk
    let reader: any HistoryReading
    do {
      walk = try RunWalk(repository: repository, runs: runs, head: head, hiding: base)
      reader = try repository.historyReader()
    } catch {
      throw .git(error)
    }
    var budgetLoader = BudgetTreeLoader()
    // Meaning digests serve approvals alone, which no verdict of a recorded figure looks at.
    budgetLoader.computesDigests = false
    let loader = CommitTreeLoader(
      repository: repository, cache: ParseCache(), loader: budgetLoader)
    // Consecutive commits mostly share their budgets folder: one tree per folder id.
    var last: (folder: Oid?, tree: BudgetTree?, judge: RunJudge?)?
    var rows: [HistoryRow] = []
    while let (links, found) = try walk.nextCommit() {
      let selected = found.filter { environment == nil || $0.environment == environment }
      guard !selected.isEmpty else { continue }
      let folder: Oid?
      do { folder = try reader.treeId(inTree: links.treeId, at: root) } catch { throw .git(error) }
      if let previous = last, previous.folder != folder, previous.tree != nil,
        try unaffected(from: previous.folder, to: folder, loader: loader)
      {
        last?.folder = folder
      } else if last == nil || last?.folder != folder {
        let tree = folder == nil ? nil : try loader.tree(atCommit: links.id)
        last = (
          folder, tree,
          tree.map {
            var judge = RunJudge(tree: $0, percentileMethod: percentileMethod, budget: budget)
            judge.recorded = references
            return judge
          }
        )
      }
      guard let tree = last?.tree, let judge = last?.judge else { continue }
      for run in selected.reversed() {
        let day = CalendarDay(date: run.instant)
        // A row keeps the run's identity and provenance, not its figures (its result holds the
        // one it shows): a long history would otherwise keep every run whole until the end.
        var shown = run
        shown.run.budgets = []
        for result in judge.judge(run.run, at: run.instant, budget: budget, metric: metric) {
          let inForce = tree.exceptions(
            covering: result.metric, of: result.budget, in: run.environment
          ).filter { $0.isInForce(on: day) }.map(\.id.value).sorted()
          rows.append(
            HistoryRow(
              commit: links, run: shown, result: result, exceptionsInForce: inForce,
              budgetsInvalid: !tree.isValid))
        }
      }
    }
    return rows
  }

  /// Whether a change of the budgets folder leaves the one budget shown judged as before: every
  /// file that differs is, on both sides, another budget or an approval (neither changes its
  /// bound, its exceptions or its verdict). Without a budget given, any change counts.
  private func unaffected(from old: Oid?, to new: Oid?, loader: CommitTreeLoader)
    throws(LedgerError) -> Bool
  {
    guard let budget, let old, let new else { return false }
    let changes: [FileChange]
    do { changes = try TreeComparison(repository: repository).changes(from: old, to: new) } catch {
      throw .git(error)
    }
    // Files that are not YAML are no part of a tree.
    let entries = changes.flatMap { [$0.old, $0.new].compactMap { $0 } }.filter(\.isBudgetFile)
    let parsed = loader.parsedFiles(entries)
    guard parsed.count == entries.count else { return false }
    return parsed.allSatisfy { file in
      switch file.document {
      case .budget(let other)?: other.name.value != budget
      // Approvals and import mappings decide nothing about a recorded figure's verdict.
      case .approval?, .importMapping?: true
      case .owners?, .exception?, nil: false
      }
    }
  }
}
