import BudgetKit
import GitKit

/// The pre-merge judgement of a change from a base to a head revision, with the base's owners.
public struct Gate {
  public let repository: Repository

  public init(repository: Repository) {
    self.repository = repository
  }

  /// What the gate found: the two points compared and the verdict on the change between them.
  public struct Judgement {
    public var base: ResolvedRevision
    public var head: ResolvedRevision
    public var verdict: GateVerdict
    /// Approval records in the work tree that no commit holds yet, which the gate cannot see.
    public var uncommittedApprovals: [String]
  }

  /// The verdict on `base..head`, both revisions as the person wrote them.
  public func judge(base: String, head: String) throws(LedgerError) -> Judgement {
    let revisions = RevisionResolver(repository: repository)
    let base = try revisions.resolve(base)
    let head = try revisions.resolve(head)
    let (baseId, headId) = (base.commit, head.commit)
    let reader = SignOffReader(repository: repository)
    let baseTree = try reader.tree(atCommit: baseId)
    let headTree =
      try reader.tree(atCommit: headId) ?? SignedTree(tree: BudgetTree(), messages: [:])
    let authors = try reader.authors(base: baseId, head: headId)
    var gate = SignOffGate(
      base: baseTree?.tree, head: headTree.tree, messages: headTree.messages, authors: authors)
    (gate.baseBaselines, gate.headBaselines) = BaselineResolution.resolve(
      baseTree?.tree, headTree.tree, in: repository)
    let verdict = gate.verdict()
    // Records written by `approve` and not yet committed are invisible to the gate.
    let uncommitted = (try? reader.uncommittedApprovals()) ?? []
    return Judgement(
      base: base, head: head, verdict: verdict, uncommittedApprovals: uncommitted)
  }
}
