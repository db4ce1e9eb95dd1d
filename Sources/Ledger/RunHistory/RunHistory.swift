import BudgetKit
import Dispatch
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

  /// Readers for further parts of a long walk, each read on a thread of its own
  /// (`HistoryReaders.reopening`); without, the whole walk is read on one thread.
  public var moreReaders: (() -> HistoryReaders?)?

  /// How many commits with runs a part of the walk read on its own thread has at least: each
  /// part loads its first budgets tree whole, which a short walk would not win back.
  public var commitsPerPart = 500
  /// How many parts a walk is read in at most: one per core.
  public var maxParts = min(ProcessInfo.processInfo.activeProcessorCount, 8)

  /// The rows, newest first; a commit's runs newest first.
  public func rows() throws(LedgerError) -> [HistoryRow] {
    // The commits with runs first, their runs unread: the walk alone is read in order.
    let walk: RunWalk
    do { walk = try RunWalk(repository: repository, runs: runs, head: head, hiding: base) } catch {
      throw .git(error)
    }
    var stops: [CommitLinks] = []
    while let links = try walk.nextCommitWithRuns() { stops.append(links) }
    let own = HistoryReaders(objects: repository, runs: runs, references: references)
    let cache = ParseCache()
    let wanted = min(maxParts, stops.count / max(1, commitsPerPart))
    var readers = [own]
    if wanted > 1, let moreReaders {
      while readers.count < wanted, let more = moreReaders() { readers.append(more) }
    }
    guard readers.count > 1 else { return try rows(of: stops[...], readers: own, cache: cache) }
    // Each part starts by loading a whole tree, which shares most files with the newest one:
    // those are parsed once, here, before the parts start.
    _ = try treeLoader(reading: repository, cache: cache).tree(atCommit: stops[0].id)
    // Consecutive stretches of history, one per thread: each part's verdicts depend on its
    // commits alone, so the rows are those of one walk.
    let parts = readers.indices.map { index in
      (stops.count * index / readers.count)..<(stops.count * (index + 1) / readers.count)
    }
    let results = HistoryParts(count: parts.count)
    let work = UncheckedBox((self, stops, readers))
    DispatchQueue.concurrentPerform(iterations: parts.count) { index in
      let (history, stops, readers) = work.value
      results[index] = Result { () throws(LedgerError) in
        try history.rows(of: stops[parts[index]], readers: readers[index], cache: cache)
      }
    }
    var rows: [HistoryRow] = []
    for result in results.values { rows += try result.get() }
    for more in readers.dropFirst() { runs.absorbSkips(of: more.runs) }
    return rows
  }

  /// The budgets tree one stretch of commits is judged against, as the walk goes.
  private struct Judging {
    var folder: Oid?
    var tree: BudgetTree?
    var judge: RunJudge?
    /// Whether the budgets at `folder` are valid: `tree` itself, or a tree that differs from
    /// it only in budgets other than the one shown and in approvals, that still validate.
    var valid: Bool
  }

  /// The rows of consecutive commits with runs, newest first, read through `readers`.
  private func rows(
    of stops: ArraySlice<CommitLinks>, readers: HistoryReaders, cache: ParseCache
  ) throws(LedgerError) -> [HistoryRow] {
    let reader: any HistoryReading
    do { reader = try readers.objects.historyReader() } catch { throw .git(error) }
    let loader = treeLoader(reading: readers.objects, cache: cache)
    // Consecutive commits mostly share their budgets folder: one tree per folder id.
    var last: Judging?
    var rows: [HistoryRow] = []
    for links in stops {
      let found = try readers.runs.runs(at: links.id)
      let selected = found.filter { environment == nil || $0.environment == environment }
      guard !selected.isEmpty else { continue }
      let folder: Oid?
      do { folder = try reader.treeId(inTree: links.treeId, at: root) } catch { throw .git(error) }
      if let previous = last, previous.folder != folder, let tree = previous.tree,
        previous.valid,
        let valid = try validity(from: previous.folder, to: folder, judging: tree, loader: loader)
      {
        last?.folder = folder
        last?.valid = valid
      } else if last == nil || last?.folder != folder {
        let tree = folder == nil ? nil : try loader.tree(atCommit: links.id)
        last = Judging(
          folder: folder, tree: tree,
          judge: tree.map {
            var judge = RunJudge(tree: $0, percentileMethod: percentileMethod, budget: budget)
            judge.recorded = readers.references
            return judge
          },
          valid: tree?.isValid ?? false)
      }
      guard let tree = last?.tree, let judge = last?.judge, let valid = last?.valid else {
        continue
      }
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
              budgetsInvalid: !valid))
        }
      }
    }
    return rows
  }

  /// The loader of the budgets trees the verdicts are judged against.
  private func treeLoader(reading objects: any ObjectReading, cache: ParseCache)
    -> CommitTreeLoader
  {
    var budgetLoader = BudgetTreeLoader(root: root)
    // Meaning digests serve approvals alone, which no verdict of a recorded figure looks at.
    budgetLoader.computesDigests = false
    return CommitTreeLoader(repository: objects, cache: cache, loader: budgetLoader)
  }

  /// Whether the budgets are valid after a change of the budgets folder that leaves the one
  /// budget shown judged as before, or nil when the change may judge it otherwise (or when
  /// that cannot be told without the whole tree): then the tree is loaded again.
  ///
  /// Such a change touches, on both sides, only other budgets (each keeping its name) and
  /// approvals, files that have no error of their own; neither changes the shown budget's
  /// bound, exceptions or verdict. Whether the budgets stay valid is then told from the
  /// changed files and what they touch (`BudgetTree.staysValid`). Without a budget given, any
  /// change counts.
  private func validity(
    from old: Oid?, to new: Oid?, judging tree: BudgetTree, loader: CommitTreeLoader
  ) throws(LedgerError) -> Bool? {
    guard let budget, let old, let new else { return nil }
    let changes: [FileChange]
    do {
      changes = try TreeComparison(repository: loader.repository).changes(from: old, to: new)
    } catch {
      throw .git(error)
    }
    var budgets: [Budget] = []
    var approvals: [Approval] = []
    for change in changes {
      // Files that are not YAML are no part of a tree.
      let sides = [change.old, change.new].compactMap { $0 }
      guard sides.contains(where: { BudgetSourceFile.isYAMLName($0.path) }) else { continue }
      // A file added, removed, or not a plain file on either side: the whole tree decides.
      guard let before = change.old, let after = change.new, before.isBudgetFile,
        after.isBudgetFile
      else { return nil }
      let parsed = loader.parsedFiles([before, after])
      guard parsed.count == 2, !parsed[0].isBroken, !parsed[1].isBroken else { return nil }
      switch (parsed[0].document, parsed[1].document) {
      case (.budget(let was)?, .budget(let now)?)
      where was.name.value == now.name.value && now.name.value != budget:
        budgets.append(now)
      case (.approval?, .approval(let now)?):
        approvals.append(now)
      default:
        return nil
      }
    }
    return tree.staysValid(replacingBudgets: budgets, approvals: approvals, root: root)
  }
}

/// The outcome of each part of a walk read on its own thread, in the parts' order.
private final class HistoryParts: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [Result<[HistoryRow], LedgerError>?]

  init(count: Int) {
    slots = Array(repeating: nil, count: count)
  }

  subscript(index: Int) -> Result<[HistoryRow], LedgerError>? {
    get { lock.withLock { slots[index] } }
    set { lock.withLock { slots[index] = newValue } }
  }

  var values: [Result<[HistoryRow], LedgerError>] { lock.withLock { slots.map { $0! } } }
}

/// Values handed to the threads of `rows()`: each thread reads only its own part's readers, and
/// the history and the commits, which no thread changes.
private final class UncheckedBox<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
