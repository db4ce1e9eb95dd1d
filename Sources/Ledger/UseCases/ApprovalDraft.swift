import BudgetKit
import GitKit

/// An approval about to be signed: the base it is judged by, the files it binds, and whether
/// the member may sign it, checked against the base's owners before and after signing.
public struct ApprovalDraft {
  public let base: ApprovalBase
  public let member: MemberName
  /// The owners of the base, which judge the member and the key.
  public let owners: Owners
  /// The files the record binds, relative to `.budgets/`, with their digests in the work tree.
  public let files: [(path: String, digest: String)]
  /// The gate's verdict on the change from the base to the work tree.
  public let verdict: GateVerdict
  /// The work tree's folder, where the record is written.
  public let workTree: String

  /// Reads the base and the work tree and checks the member can approve there: a member of a
  /// team with a key in the base's owners, and some budget file changed.
  public init(member: MemberName, base given: String?, in repo: Repository)
    throws(ApprovalDraftError)
  {
    guard let workTree = repo.workingDirectory else { throw .bareRepository }
    let base = try ApprovalBase.resolve(given, in: repo)
    let reader = SignOffReader(repository: repo)
    let baseTree: SignedTree?
    let current: SignedTree?
    let authors: [ChangeAuthor]
    do {
      baseTree = try reader.tree(atCommit: base.commit)
      current = try reader.workTree()
      if let head = RevisionResolver(repository: repo).headIfAny() {
        authors = try reader.authors(base: base.commit, head: head.commit)
      } else {
        authors = []
      }
    } catch {
      throw .ledger(error)
    }
    guard let owners = baseTree?.tree.owners else { throw .noOwners(base: base.name) }
    guard !owners.teams(of: member).isEmpty else { throw .notAMember(member, base: base.name) }
    guard !owners.keys(of: member).isEmpty else { throw .noKeys(member, base: base.name) }
    let files = ApprovalScope.changedFiles(base: baseTree?.tree, current: current?.tree)
    guard !files.isEmpty else { throw .nothingChanged(base: base.name) }
    self.base = base
    self.member = member
    self.owners = owners
    self.files = files
    self.workTree = workTree
    var gate = SignOffGate(
      base: baseTree?.tree, head: current?.tree ?? BudgetTree(), messages: [:], authors: authors)
    // A pinned baseline is judged by the figures it stands for, as the gate judges it.
    (gate.baseBaselines, gate.headBaselines) = BaselineResolution.resolve(
      baseTree?.tree, current?.tree, in: repo)
    self.verdict = gate.verdict()
  }

  /// The member's public keys in the base's owners, any of which may sign.
  public var keys: [String] { owners.keys(of: member) }

  /// The record without its signature, and the message a signature signs.
  public func unsigned(note: String?) throws(ApprovalDraftError) -> (
    text: String, message: [UInt8]
  ) {
    let text = ApprovalText.unsigned(by: member, files: files, note: note)
    guard let message = ApprovalMessage.message(bytes: Array(text.utf8), path: "approval") else {
      throw .unreadableRecord
    }
    return (text, message)
  }

  /// Checks a signature of `message` is genuine and made with one of the member's keys in the
  /// base, as the gate will judge the record.
  public func check(signature: String, of message: [UInt8]) throws(ApprovalDraftError) {
    let probe = Approval(
      path: "approval", by: Located(member, at: .start(of: "approval")), approves: [], note: nil,
      signature: Located(signature, at: .start(of: "approval")))
    let verifier = ApprovalVerifier(owners: owners, headDigests: [:])
    switch verifier.problem(probe, message: message) {
    case nil: return
    case .keyNotListed(_, let fingerprint)?:
      throw .keyNotListed(member, fingerprint: fingerprint, base: base.name)
    case let problem?:
      throw .signatureDoesNotVerify(problem)
    }
  }
}
