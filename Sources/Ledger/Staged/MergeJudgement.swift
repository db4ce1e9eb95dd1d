import BudgetKit
import GitKit

/// Whether a merge being committed needs a `Budget-Rationale:` trailer of its own.
///
/// It does not when everything it loosens against HEAD comes from the merged commits and each
/// of those that loosens carries its own trailer: the merge decides nothing new. It does when
/// the merged index is looser than every parent somewhere (a resolution that loosens), or when
/// a merged commit loosens without a trailer (made with `--no-verify`, or where no hook ran).
public struct MergeJudgement: Sendable {
  /// The loosenings no parent has: the index against a merged head where it is looser than
  /// HEAD and every merged head.
  public var ownLoosenings: [BudgetChange]
  /// The merged commits (reachable from a merged head, not from HEAD) that loosen a budget and
  /// have no `Budget-Rationale:` trailer, newest first.
  public var unexplained: [CommitInfo]

  public var needsRationale: Bool { !ownLoosenings.isEmpty || !unexplained.isEmpty }
}

/// What identifies a loosening whatever parent it is measured from: both diffs end at the
/// index, so the new value is the same; only an approval's old value (who signed) identifies it.
private struct LooseningKey: Hashable {
  var category: ChangeCategory
  var budget: BudgetName?
  var environment: EnvironmentName?
  var metric: MetricName?
  var field: ChangeField
  var new: String?
  var exception: ExceptionID?
  var approver: String?

  init(_ change: BudgetChange) {
    category = change.category
    budget = change.budget
    environment = change.environment
    metric = change.metric
    field = change.field
    new = change.newText
    exception = change.exception
    if case .approval = change.what { approver = change.oldText } else { approver = nil }
  }
}

extension StagedReview {
  /// Judges a merge whose staged review (against HEAD) loosens: the loosenings it makes beyond
  /// its parents, and the merged commits that loosen without a trailer.
  ///
  /// - Parameter mergeHeads: the merge's other parents (`MERGE_HEAD`).
  public func judgeMerge(_ outcome: StagedOutcome, mergeHeads: [Oid]) throws(LedgerError)
    -> MergeJudgement
  {
    var own = outcome.changes.filter(\.kind.isLoosening)
    for head in mergeHeads where !own.isEmpty {
      let keys = Set(own.map(LooseningKey.init))
      own = try loosenings(against: head).filter { keys.contains(LooseningKey($0)) }
    }
    return MergeJudgement(ownLoosenings: own, unexplained: try unexplained(mergeHeads))
  }

  /// How the index loosens against a commit other than HEAD.
  private func loosenings(against commit: Oid) throws(LedgerError) -> [BudgetChange] {
    let sides = try StagedSides(repository: repository, root: root, base: commit.hex)
    let files = StagedFiles(repository: repository, root: root, limits: limits)
    let parsed = files.parse(sides.changedPaths.compactMap { sides.new[$0] })
    return files.changes(sides, newFiles: parsed).filter(\.kind.isLoosening)
  }

  /// The merged commits that loosen a budget without a trailer, found by the audit trail of
  /// what the merge brings in (each commit against its own parent).
  private func unexplained(_ mergeHeads: [Oid]) throws(LedgerError) -> [CommitInfo] {
    let head: Oid
    do { head = try repository.resolveCommit("HEAD") } catch { throw .git(error) }
    let scope = HistoryScope(heads: mergeHeads, hiding: [head], firstParentOnly: false)
    let trail = try AuditTrail(repository: repository, scope: scope)
    var found: [CommitInfo] = []
    while let commit = try trail.next() {
      let loosens = commit.entries.contains { $0.change?.kind.isLoosening == true }
      if loosens, Rationale.trailerValue(in: commit.commit.message) == nil {
        found.append(commit.commit)
      }
    }
    return found
  }
}
