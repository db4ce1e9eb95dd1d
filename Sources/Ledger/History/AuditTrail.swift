import BudgetKit
import GitKit

/// The audit trail: every budget change along history, newest first, one commit at a time.
///
/// Only commits whose budgets folder differs from their parent's are looked at closely, only
/// the files they changed are compared, and only blobs not seen before are parsed. Cross-file
/// checks are not run on old commits (that is `bursar validate --rev`'s job); a file that does
/// not parse is reported and the walk goes on.
public final class AuditTrail {
  public let files: CommitTreeLoader
  private let walker: HistoryWalker
  /// The steps being audited, with their changed files.
  private var pending: [(step: HistoryStep, changes: [FileChange])] = []
  private var pendingIndex = 0
  /// The next steps, already walked, whose files are being parsed in the background.
  private var upcoming: Batch?
  /// A failure met while walking ahead, raised once the steps before it are done.
  private var deferredError: GitError?
  /// How many steps to walk ahead: their files are parsed together, on other cores, while
  /// the walk goes on.
  private let batchSize = 64

  /// Walked steps and the parse of the files they changed.
  private struct Batch {
    var steps: [(step: HistoryStep, changes: [FileChange])]
    var parse: ParseBatch
  }

  /// - Parameter relevance: when set, files not parsed before are parsed only if their bytes
  ///   pass it (see `CommitTreeLoader.relevance`); entries about other files are then missing.
  public init(
    repository: any ObjectReading, scope: HistoryScope, cache: ParseCache = ParseCache(),
    relevance: (@Sendable ([UInt8]) -> Bool)? = nil
  ) throws(LedgerError) {
    var files = CommitTreeLoader(repository: repository, cache: cache)
    files.relevance = relevance
    self.files = files
    do {
      walker = try HistoryWalker(repository: repository, root: files.root, scope: scope)
    } catch {
      throw .git(error)
    }
  }

  /// How many commits the walk has looked at.
  public var commitsVisited: Int { walker.visited }

  /// The next commit with budget changes or invalid files, or nil at the end of history.
  public func next() throws(LedgerError) -> AuditCommit? {
    do throws(GitError) {
      while true {
        if pendingIndex == pending.count {
          guard let current = upcoming ?? walkAhead(excluding: []) else {
            if let error = deferredError {
              deferredError = nil
              throw error
            }
            return nil
          }
          // Walk the following steps while this batch's files are parsed.
          upcoming = walkAhead(excluding: current.parse.keys)
          current.parse.finish(into: files.cache)
          pending = current.steps
          pendingIndex = 0
        }
        let (step, changes) = pending[pendingIndex]
        pendingIndex += 1
        if let commit = try audit(step, changes: changes) { return commit }
      }
    } catch {
      throw .git(error)
    }
  }

  /// Walks the next steps, finds the files they changed, and starts parsing those not cached;
  /// nil at the end. A walk that stops early (a shallow clone's cut) keeps the steps before it
  /// and raises the failure after them.
  private func walkAhead(excluding inFlight: Set<ParseBatch.Key>) -> Batch? {
    guard deferredError == nil else { return nil }
    var steps: [(step: HistoryStep, changes: [FileChange])] = []
    let comparison = TreeComparison(repository: files.repository)
    do {
      while steps.count < batchSize, let step = try walker.next() {
        steps.append((step, try comparison.changes(from: step.oldTree, to: step.newTree)))
      }
    } catch {
      deferredError = error
    }
    guard !steps.isEmpty else { return nil }
    let entries = steps.flatMap { $0.changes.flatMap { [$0.old, $0.new].compactMap { $0 } } }
    let parse = files.parseBatch(for: entries, excluding: inFlight)
    parse.start(with: files.loader)
    return Batch(steps: steps, parse: parse)
  }

  /// The entries of one commit that changed the budgets folder; nil when the change has no
  /// meaning (comments, formatting, other files).
  func audit(_ step: HistoryStep, changes changed: [FileChange]) throws(GitError) -> AuditCommit? {
    let sides = try StepSides(step: step, changes: changed, files: files)
    let changes = BudgetDiff.changes(from: sides.old, to: sides.new)
    guard !changes.isEmpty || !sides.problems.isEmpty else { return nil }
    let info = try files.repository.commit(step.commit.id)
    let rationale = try self.rationale(of: info, step: step)
    var entries = sides.problems.map { problem in
      AuditEntry(commit: info, change: nil, problem: problem, rationale: rationale)
    }
    for change in changes {
      let approvers = approvers(of: change, in: sides)
      entries.append(
        AuditEntry(commit: info, change: change, rationale: rationale, approvals: approvers))
    }
    return AuditCommit(commit: info, entries: entries)
  }

  /// The commit's `Budget-Rationale:` trailer, else its message; for a merge without a trailer
  /// of its own, seen along first parents (where it stands for its branch), the trailers of
  /// the commits it merged, each after its short id, when any has one.
  private func rationale(of info: CommitInfo, step: HistoryStep) throws(GitError) -> String {
    if let own = Rationale.trailerValue(in: info.message) { return own }
    guard info.parentIds.count > 1, step.otherParentTrees.isEmpty, let first = info.parentIds.first
    else { return Rationale.of(message: info.message) }
    let walk = try files.repository.revWalk(
      from: Array(info.parentIds.dropFirst()), hiding: [first])
    var merged: [String] = []
    while let id = try walk.next() {
      if let reason = Rationale.trailerValue(in: try files.repository.commit(id).message) {
        merged.append("\(id.abbreviated): \(reason)")
      }
    }
    return merged.isEmpty ? Rationale.of(message: info.message) : merged.joined(separator: "; ")
  }

  /// Every approval in the commit's tree for exactly the content the file has there: those
  /// the commit added and those added earlier for the same meaning.
  public func approvers(ofFile path: String, at commit: CommitInfo) throws(GitError) -> [MemberName]
  {
    Array(Set(try approvals(ofFile: path, asAt: commit, inTreeOf: commit).map(\.by))).sorted()
  }

  /// The approval records in `later`'s tree for exactly the content the file has at `commit`,
  /// each with the signer and the record's path relative to the repository root.
  public func approvals(ofFile path: String, asAt commit: CommitInfo, inTreeOf later: CommitInfo)
    throws(GitError) -> [(by: MemberName, record: String)]
  {
    guard let budgets = try files.repository.treeId(inTree: commit.treeId, at: files.root) else {
      return []
    }
    let entries = try files.repository.files(inTree: budgets)
    // The file itself is read whatever the relevance test; of the others, only approvals.
    var target = files
    target.relevance = nil
    let relative = String(path.dropFirst(files.root.count + 1))
    guard let digest = target.parsedFiles(entries.filter { $0.path == relative }).first?.digest
    else {
      return []
    }
    let laterEntries: [TreeEntry]
    if later.id == commit.id {
      laterEntries = entries
    } else {
      guard let laterBudgets = try files.repository.treeId(inTree: later.treeId, at: files.root)
      else { return [] }
      laterEntries = try files.repository.files(inTree: laterBudgets)
    }
    var approvals = files
    approvals.relevance = Relevance.containing(["Approval"])
    let parsed = approvals.parsedFiles(laterEntries.filter { $0.path != relative })
    return parsed.compactMap { file -> (by: MemberName, record: String)? in
      guard case .approval(let approval)? = file.document,
        approval.approves.contains(where: { $0.path.value == relative && $0.digest.value == digest }
        )
      else { return nil }
      return (approval.by.value, file.path)
    }
  }

  /// Approvals the commit added for exactly the new content of the changed file.
  private func approvers(of change: BudgetChange, in sides: StepSides) -> [MemberName] {
    guard change.category == .budget || change.category == .exception else { return [] }
    let prefix = files.root + "/"
    guard change.path.hasPrefix(prefix) else { return [] }
    let relative = String(change.path.dropFirst(prefix.count))
    let digest = sides.newDigests[change.path] ?? MeaningDigest.deleted
    let names = sides.new.approvals.filter { approval in
      approval.approves.contains { $0.path.value == relative && $0.digest.value == digest }
    }.map(\.by.value)
    return Array(Set(names)).sorted()
  }
}
