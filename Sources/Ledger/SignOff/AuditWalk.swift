import BudgetKit
import Foundation
import GitKit

/// The first-parent steps of a range that changed `.budgets/`, oldest first, each ready to be
/// judged against its own first parent with `SignOffGate`.
///
/// Along first parents the base of one step is the head of the step before, so one tree is
/// carried from step to step: a step reads and parses only the files it changed (found by
/// comparing folders level by level, parsed through a cache by blob id), keeps the checks
/// across files of the whole head up to date (`TreeAssembly`), and is judged on what those
/// files touch (`SignOffGate.verdict(touching:)`). The range's first base is read in full
/// once; a step where `.budgets` appears, goes, or is not a folder has both sides read whole.
///
/// The steps of a stretch that arrived in one recorded push (`PushStretch`) are judged as one
/// step, from the push's old tip to its new tip, as the server judged them.
public final class AuditWalk {
  public let repository: Repository
  public let root: String
  private let files: CommitTreeLoader
  /// The steps of the range, oldest first.
  private let steps: [HistoryStep]
  private var nextIndex = 0
  /// The head of the step before, when it was a budgets folder.
  private var carried: RollingTree?
  private let dates = ISO8601DateFormatter()
  /// The recorded pushes along the range, and the stretch each commit of them belongs to.
  private let pushes: [PushStretch]
  private let pushOf: [Oid: Int]

  /// Walks `from..to` along first parents (all of `to`'s history when `from` is nil) and keeps
  /// the commits whose `.budgets` folder differs from their first parent's.
  /// `pushes` are the server's records (`PushLog.records()`); none judges every step alone.
  public init(
    repository: Repository, from: Oid?, to: Oid, root: String = ".budgets",
    cache: ParseCache = ParseCache(), pushes records: [Oid: [PushRecord]] = [:]
  ) throws(LedgerError) {
    self.repository = repository
    self.root = root
    files = CommitTreeLoader(
      repository: repository, cache: cache, loader: BudgetTreeLoader(root: root))
    let scope = HistoryScope(heads: [to], hiding: from.map { [$0] } ?? [], firstParentOnly: true)
    var newestFirst: [HistoryStep] = []
    do {
      let walker = try HistoryWalker(repository: repository, root: root, scope: scope)
      while let step = try walker.next() { newestFirst.append(step) }
    } catch {
      throw .git(error)
    }
    steps = newestFirst.reversed()
    (pushes, pushOf) = try PushStretch.along(
      repository: repository, from: from, to: to, records: records)
  }

  /// How many steps the range holds.
  public var count: Int { steps.count }

  /// The next step, oldest first, or nil at the end. A step that removes `.budgets/` has
  /// nothing to judge and is passed over.
  public func next() throws(LedgerError) -> AuditStep? {
    while nextIndex < steps.count {
      let step = steps[nextIndex]
      nextIndex += 1
      guard let push = pushOf[step.commit.id] else {
        if let judged = try audit(step) { return judged }
        continue
      }
      var group = [step]
      while nextIndex < steps.count, pushOf[steps[nextIndex].commit.id] == push {
        group.append(steps[nextIndex])
        nextIndex += 1
      }
      if let judged = try audit(group, pushedAs: pushes[push]) { return judged }
    }
    return nil
  }

  /// The steps of one recorded push judged as one: the tree before the first against the
  /// tree after the last, with the authors of every commit the push brought.
  private func audit(_ group: [HistoryStep], pushedAs push: PushStretch) throws(LedgerError)
    -> AuditStep?
  {
    let reader = SignOffReader(repository: repository, root: root)
    var base: SignedTree?
    var head: SignedTree?
    var touched: Set<String>? = []
    for (index, step) in group.enumerated() {
      let sides = try trees(of: step, reader)
      if index == 0 { base = sides?.base }
      head = sides?.head
      touched = touched.flatMap { known in sides?.touched.map { known.union($0) } }
    }
    guard let head else { return nil }
    let tip: CommitInfo
    do { tip = try repository.commit(push.tip) } catch { throw .git(error) }
    let authors = try reader.authors(base: push.base, head: push.tip)
    var gate = SignOffGate(
      base: base?.tree, head: head.tree, messages: head.messages, authors: authors, root: root)
    (gate.baseBaselines, gate.headBaselines) = BaselineResolution.resolve(
      base?.tree, head.tree, in: repository)
    return AuditStep(
      commit: push.tip.hex, date: dates.string(from: tip.committer.time),
      author: "\(tip.author.name) <\(tip.author.email)>", gate: gate, touched: touched,
      baseCommit: push.base.hex)
  }

  private func audit(_ step: HistoryStep) throws(LedgerError) -> AuditStep? {
    let id = step.commit.id
    let reader = SignOffReader(repository: repository, root: root)
    guard let trees = try trees(of: step, reader) else { return nil }
    let commit: CommitInfo
    do { commit = try repository.commit(id) } catch { throw .git(error) }
    // `parent..commit` of a commit with at most one parent is the commit alone.
    let authors = try reader.authors(base: commit.parentIds.first, head: id, files: files)
    var gate = SignOffGate(
      base: trees.base?.tree, head: trees.head.tree, messages: trees.head.messages,
      authors: authors, root: root)
    (gate.baseBaselines, gate.headBaselines) = BaselineResolution.resolve(
      trees.base?.tree, trees.head.tree, in: repository)
    return AuditStep(
      commit: id.hex, date: dates.string(from: commit.committer.time),
      author: "\(commit.author.name) <\(commit.author.email)>", gate: gate,
      touched: trees.touched, baseCommit: commit.parentIds.first?.hex)
  }

  /// The two sides of a step, and the files it changed when the head was made from the base.
  private struct Sides {
    var base: SignedTree?
    var head: SignedTree
    var touched: Set<String>?
  }

  /// The step's base and head; nil when the commit has no `.budgets/` to judge. Both are
  /// validated on the day the commit was made (its committer date, UTC), as the gate judged it
  /// then: an exception that had expired by that day is history.
  private func trees(of step: HistoryStep, _ reader: SignOffReader) throws(LedgerError) -> Sides? {
    let day = CalendarDay(date: step.commit.committerTime)
    if let oldFolder = step.oldTree, let newFolder = step.newTree {
      if carried?.folder != oldFolder { carried = try rollingTree(oldFolder, day: day) }
      if var tree = carried {
        // Taken out while it changes, so its storage is not copied.
        carried = nil
        let base = tree.signed
        let changes: [FileChange]
        do {
          changes = try TreeComparison(repository: repository).changes(
            from: oldFolder, to: newFolder)
        } catch {
          throw .git(error)
        }
        let moved = tree.apply(changes, to: newFolder, files: files, day: day)
        carried = tree
        if moved {
          return Sides(
            base: base, head: tree.signed, touched: Set(changes.map { "\(root)/\($0.path)" }))
        }
      }
    }
    // Otherwise both sides are read whole: the folder appears, goes, or is too large to carry.
    var base: SignedTree?
    if let carried, carried.folder == step.oldTree {
      base = carried.signed
    } else if let parent = step.parent {
      base = try reader.tree(atCommit: parent.id, day: day)
    }
    carried = nil
    if let newFolder = step.newTree { carried = try rollingTree(newFolder, day: day) }
    if let head = carried?.signed { return Sides(base: base, head: head, touched: nil) }
    guard let head = try reader.tree(atCommit: step.commit.id, day: day) else { return nil }
    return Sides(base: base, head: head, touched: nil)
  }

  private func rollingTree(_ folder: Oid, day: CalendarDay) throws(LedgerError) -> RollingTree? {
    do { return try RollingTree(folder: folder, files: files, day: day) } catch {
      throw .git(error)
    }
  }
}
