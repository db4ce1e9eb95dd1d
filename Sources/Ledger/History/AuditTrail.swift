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

  public init(repository: Repository, scope: HistoryScope, cache: ParseCache = ParseCache())
    throws(LedgerError)
  {
    files = CommitTreeLoader(repository: repository, cache: cache)
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
    do {
      while let step = try walker.next() {
        if let commit = try audit(step) { return commit }
      }
      return nil
    } catch {
      throw .git(error)
    }
  }

  /// The entries of one commit that changed the budgets folder; nil when the change has no
  /// meaning (comments, formatting, other files).
  public func audit(_ step: HistoryStep) throws(GitError) -> AuditCommit? {
    let sides = try StepSides(step: step, files: files)
    let changes = BudgetDiff.changes(from: sides.old, to: sides.new)
    guard !changes.isEmpty || !sides.problems.isEmpty else { return nil }
    let info = try files.repository.commit(step.commit.id)
    let rationale = Rationale.of(message: info.message)
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
