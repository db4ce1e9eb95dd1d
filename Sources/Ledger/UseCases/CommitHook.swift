import GitKit

/// What the commit hooks judge: the staged change against HEAD, whether a merge is being
/// committed, and whether the commit message must give a `Budget-Rationale:`.
public struct CommitHook {
  public let repository: Repository
  public let review: StagedReview

  /// The hooks of a repository, their validation cache trusted only when written by `version`.
  public init(repository: Repository, version: String) {
    self.repository = repository
    self.review = StagedReview(of: repository, version: version)
  }

  /// Why a message must give a rationale, when it must.
  public enum RationaleNeed {
    /// An ordinary commit that loosens.
    case loosens
    /// A merge that loosens beyond its parents, or brings in loosenings without a trailer.
    case merge(MergeJudgement)
  }

  /// pre-commit's review of the index against HEAD.
  public func preCommit() throws(LedgerError) -> StagedOutcome {
    try review.review()
  }

  /// Keeps a valid index's verdict for the commit-msg hook of the same commit.
  public func remember(_ outcome: StagedOutcome) {
    outcome.verdict?.write(in: repository)
  }

  /// Whether a merge is being committed (git's `MERGE_HEAD`); false when that cannot be read.
  public var isMerging: Bool {
    (try? repository.mergeHeads()).map { !$0.isEmpty } ?? false
  }

  /// commit-msg's review of the index (reusing pre-commit's verdict when it still holds).
  public func commitMessage() throws(LedgerError) -> StagedOutcome {
    try review.review(for: .commitMessage)
  }

  /// What a message of a change that loosens must give; nil when it gives a rationale, or
  /// when a merge brings in nothing that needs one.
  public func rationaleNeed(_ outcome: StagedOutcome, message raw: String) throws(LedgerError)
    -> RationaleNeed?
  {
    let draft = CommitMessageDraft(raw, commentChar: repository.config("core.commentChar"))
    guard draft.rationale == nil else { return nil }
    let mergeHeads: [Oid]
    do { mergeHeads = try repository.mergeHeads() } catch { throw .git(error) }
    guard !mergeHeads.isEmpty else { return .loosens }
    let judgement = try review.judgeMerge(outcome, mergeHeads: mergeHeads)
    return judgement.needsRationale ? .merge(judgement) : nil
  }

  /// The index the commit records (a `git commit -a` uses a temporary one).
  public var index: CommitIndex {
    switch repository.indexInUse {
    case .own: .own
    case .all: .all
    case .paths: .paths
    }
  }
}
