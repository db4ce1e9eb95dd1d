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

  /// - Parameter relevance: when set, files not parsed before are parsed only if their bytes
  ///   pass it (see `CommitTreeLoader.relevance`); entries about other files are then missing.
  public init(
    repository: Repository, scope: HistoryScope, cache: ParseCache = ParseCache(),
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

  /// Every approval in the commit's tree for exactly the content the file has there: those
  /// the commit added and those added earlier for the same meaning.
  public func approvers(ofFile path: String, at commit: CommitInfo) throws(GitError) -> [MemberName]
  {
    guard let budgets = try files.repository.treeId(inTree: commit.treeId, at: files.root) else {
      return []
    }
    let entries = try files.repository.files(inTree: budgets)
    // Approval files need not mention the budget, so they are read whatever the relevance test.
    var everything = files
    everything.relevance = nil
    let parsed = everything.parsedFiles(entries)
    guard let digest = parsed.first(where: { $0.path == path })?.digest else { return [] }
    let relative = String(path.dropFirst(files.root.count + 1))
    let names = parsed.compactMap { file -> MemberName? in
      guard case .approval(let approval)? = file.document,
        approval.approves.contains(where: { $0.path.value == relative && $0.digest.value == digest }
        )
      else { return nil }
      return approval.by.value
    }
    return Array(Set(names)).sorted()
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
