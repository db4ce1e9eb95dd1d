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

  /// Readers for the threads that judge a long walk, one each (`HistoryReaders.reopening`);
  /// without, the commits are judged after the walk, on the calling thread.
  public var moreReaders: (() -> HistoryReaders?)?

  /// How many commits with runs a part of the walk read on its own thread has at least: each
  /// part loads its first budgets tree whole, which a short walk would not win back.
  public var commitsPerPart = 500
  /// How many parts a walk is read in at most: one per core.
  public var maxParts = min(ProcessInfo.processInfo.activeProcessorCount, 8)

  /// The rows, newest first; a commit's runs newest first.
  ///
  /// With many runs and more than one core, the commits are read by several threads, each
  /// through its own readers (`moreReaders`), in stretches of consecutive commits each read
  /// from both ends until the two threads meet: however the work is spread along history, they
  /// finish together. The first thread starts on the newest commits while the walk is still
  /// finding the older ones. A stretch's verdicts depend on its commits alone, so the rows are
  /// those of one walk.
  public func rows() throws(LedgerError) -> [HistoryRow] {
    let cache = ParseCache()
    // The walk reads through `repository` on this thread; the threads that judge never do.
    var readers: [HistoryReaders] = []
    let wanted = min(maxParts, (runs.commitCount ?? 0) / max(1, commitsPerPart))
    if wanted > 1, let moreReaders {
      while readers.count < wanted, let more = moreReaders() { readers.append(more) }
    }
    if readers.count < 2 {
      // One reader: it judges after the walk, on this thread, through the walk's own handle.
      readers = [HistoryReaders(objects: repository, runs: runs, references: references)]
    }
    let walkers = readers.indices.map { (stretch: $0 / 2, fromFront: $0 % 2 == 0) }
    let stretches = (walkers.count + 1) / 2
    let queue = CommitQueue(
      walkersPerStretch: (0..<stretches).map { stretch in
        walkers.filter { $0.stretch == stretch }.count
      })
    let results = HistoryParts(count: walkers.count)
    // Each commit's budgets folder, known from earlier walks or recorded for later ones.
    let folders = runs.isEmpty ? nil : repository.folderIndex(for: root)
    defer { folders?.save() }
    let done = DispatchGroup()
    if walkers.count > 1 {
      let work = UncheckedBox((self, readers))
      for (index, walker) in walkers.enumerated() {
        done.enter()
        Thread {
          let (history, readers) = work.value
          results.set(
            index,
            history.read(
              queue, stretch: walker.stretch, fromFront: walker.fromFront,
              readers: readers[index], cache: cache, folders: folders))
          done.leave()
        }.start()
      }
    }
    // The commits with runs, their runs unread: the walk alone is read in order.
    let walked = Result { () throws(LedgerError) in try walk(into: queue) }
    queue.finish(aborted: (try? walked.get()) == nil)
    if walkers.count > 1 {
      done.wait()
    } else {
      results.set(
        0,
        read(
          queue, stretch: 0, fromFront: true, readers: readers[0], cache: cache, folders: folders))
    }
    try walked.get()
    var parts = results.taken()
    // The front of the first stretch is taken whole, the others' rows are moved after it: no
    // row is held twice.
    var rows: [HistoryRow] = []
    swap(&rows, &parts[0].rows)
    for stretch in 0..<stretches {
      // The newer end first; a failure is that of the newest commit that failed.
      for index in walkers.indices where walkers[index].stretch == stretch {
        if index > 0 {
          parts[index].appendRows(to: &rows)
          parts[index].rows = []
        }
        if let failure = parts[index].failure { throw failure }
      }
    }
    // The runs that could not be read, in history's order as on one thread.
    runs.absorb(parts.flatMap(\.skips).sorted { $0.index < $1.index }.flatMap(\.skips))
    return rows
  }

  /// Hands the queue each commit with runs, newest first.
  private func walk(into queue: CommitQueue) throws(LedgerError) {
    let walk: RunWalk
    do { walk = try RunWalk(repository: repository, runs: runs, head: head, hiding: base) } catch {
      throw .git(error)
    }
    while let links = try walk.nextCommitWithRuns() { queue.add(links) }
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

  /// The rows of the commits one end of a stretch claims, read through `readers`: each
  /// commit's rows as a block, blocks in the order read (oldest first from the back end).
  private func read(
    _ queue: CommitQueue, stretch: Int, fromFront: Bool, readers: HistoryReaders,
    cache: ParseCache, folders: FolderIndex?
  ) -> HistoryPart {
    var part = HistoryPart(fromFront: fromFront)
    do {
      try read(
        queue, stretch: stretch, into: &part, readers: readers, cache: cache, folders: folders)
    } catch {
      part.failure = error
    }
    return part
  }

  private func read(
    _ queue: CommitQueue, stretch: Int, into part: inout HistoryPart, readers: HistoryReaders,
    cache: ParseCache, folders: FolderIndex?
  ) throws(LedgerError) {
    let reader: any HistoryReading
    do { reader = try readers.objects.historyReader() } catch { throw .git(error) }
    let loader = treeLoader(reading: readers.objects, cache: cache)
    // Consecutive commits mostly share their budgets folder: one tree per folder id.
    var last: Judging?
    while let (index, links) = queue.next(stretch: stretch, fromFront: part.fromFront) {
      let found = try readers.runs.runs(at: links.id)
      let skipped = readers.runs.drainSkips()
      if !skipped.isEmpty { part.skips.append((index, skipped)) }
      let selected = found.filter { environment == nil || $0.environment == environment }
      guard !selected.isEmpty else { continue }
      let folder: Oid?
      do {
        if let folders {
          folder = try folders.folder(inTree: links.treeId, reading: reader)
        } else {
          folder = try reader.treeId(inTree: links.treeId, at: root)
        }
      } catch {
        throw .git(error)
      }
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
      part.startBlock()
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
          part.rows.append(
            HistoryRow(
              commit: links, run: shown, result: result, exceptionsInForce: inForce,
              budgetsInvalid: !valid))
        }
      }
    }
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

/// The commits with runs as the walk finds them, handed out to the threads that read them.
///
/// While the walk goes, only the newer end of the first stretch is read. When it ends, what
/// that thread has not taken is laid out in stretches, by how many threads read each; the two
/// threads of a stretch then take its commits from either end, each commit once, until they
/// meet.
private final class CommitQueue: @unchecked Sendable {
  private let condition = NSCondition()
  private var stops: [CommitLinks] = []
  private var walking = true
  private let walkersPerStretch: [Int]
  /// Per stretch, the next commit from the newer end, and the next from the older end.
  private var fronts: [Int]
  private var backs: [Int]

  init(walkersPerStretch: [Int]) {
    self.walkersPerStretch = walkersPerStretch
    fronts = Array(repeating: 0, count: walkersPerStretch.count)
    backs = Array(repeating: -1, count: walkersPerStretch.count)
  }

  func add(_ links: CommitLinks) {
    condition.lock()
    stops.append(links)
    condition.broadcast()
    condition.unlock()
  }

  /// The walk is over: every commit is known, or (`aborted`) none is read any more.
  func finish(aborted: Bool) {
    condition.lock()
    defer {
      condition.broadcast()
      condition.unlock()
    }
    walking = false
    guard !aborted else {
      for index in fronts.indices {
        fronts[index] = 0
        backs[index] = -1
      }
      return
    }
    let taken = fronts[0]
    let remaining = stops.count - taken
    let threads = walkersPerStretch.reduce(0, +)
    var before = 0
    var start = taken
    for stretch in walkersPerStretch.indices {
      before += walkersPerStretch[stretch]
      let end = taken + remaining * before / threads
      if stretch > 0 { fronts[stretch] = start }
      backs[stretch] = end - 1
      start = end
    }
  }

  /// The next commit for one end of a stretch, waiting for the walk when it may yet find one;
  /// nil when the stretch is read.
  func next(stretch: Int, fromFront: Bool) -> (index: Int, links: CommitLinks)? {
    condition.lock()
    defer { condition.unlock() }
    while walking {
      if stretch == 0, fromFront, fronts[0] < stops.count {
        fronts[0] += 1
        return (fronts[0] - 1, stops[fronts[0] - 1])
      }
      condition.wait()
    }
    guard fronts[stretch] <= backs[stretch] else { return nil }
    if fromFront {
      fronts[stretch] += 1
      return (fronts[stretch] - 1, stops[fronts[stretch] - 1])
    }
    backs[stretch] -= 1
    return (backs[stretch] + 1, stops[backs[stretch] + 1])
  }
}

/// What one thread read of a stretch: the rows of each commit it claimed, as blocks in the
/// order it read them, and what stopped it.
private struct HistoryPart {
  let fromFront: Bool
  var rows: [HistoryRow] = []
  /// Where each commit's block of rows starts in `rows`.
  var blocks: [Int] = []
  var failure: LedgerError?
  /// The runs that could not be read, with the place in the walk of the commit they belong to.
  var skips: [(index: Int, skips: [RunSkip])] = []

  init(fromFront: Bool) {
    self.fromFront = fromFront
  }

  mutating func startBlock() { blocks.append(rows.count) }

  /// The rows, newest commit first: the back end's blocks are turned round.
  func appendRows(to all: inout [HistoryRow]) {
    if fromFront {
      all += rows
      return
    }
    for (index, start) in blocks.enumerated().reversed() {
      let end = index + 1 < blocks.count ? blocks[index + 1] : rows.count
      all += rows[start..<end]
    }
  }
}

/// The part each thread read, by thread.
private final class HistoryParts: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [HistoryPart?]

  init(count: Int) {
    slots = Array(repeating: nil, count: count)
  }

  func set(_ index: Int, _ part: HistoryPart) {
    lock.withLock { slots[index] = part }
  }

  /// Every part, each taken out of its slot, so it is held once.
  func taken() -> [HistoryPart] {
    lock.withLock {
      defer { slots = Array(repeating: nil, count: slots.count) }
      return slots.map { $0! }
    }
  }
}

/// Values handed to the threads of `rows()`: the history, which no thread changes, and the
/// readers, of which each thread uses only its own.
private final class UncheckedBox<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
