import SSHSignatures

/// Judges approval records against the base revision's Owners file and the head's files.
///
/// A record counts when its signer is a member in the base, its SSH signature (namespace
/// `bursar-approval`) verifies over `ApprovalMessage` with one of the signer's base keys, and
/// the signer is not an author of the change when self-approval is off. Each file it names
/// counts only while the head file's meaning digest equals the one signed; a record that binds
/// no file any more is stale, not a self-approval.
public struct ApprovalVerifier: Sendable {
  public var owners: Owners
  /// Meaning digests of the head's files, by path relative to the repository root.
  public var headDigests: [String: String]
  /// The budgets folder, relative to the repository root.
  public var root: String
  /// Member names of the change's authors, for `self_approval: false`.
  public var authors: Set<MemberName>

  public init(
    owners: Owners, headDigests: [String: String], root: String = ".budgets",
    authors: Set<MemberName> = []
  ) {
    self.owners = owners
    self.headDigests = headDigests
    self.root = root
    self.authors = authors
  }

  /// Reviews each approval; `messages` holds each record's signed bytes by its path.
  public func review(_ approvals: [Approval], messages: [String: [UInt8]]) -> [ApprovalReview] {
    approvals.sorted { $0.path < $1.path }.map { review($0, message: messages[$0.path]) }
  }

  public func review(_ approval: Approval, message: [UInt8]?) -> ApprovalReview {
    var fresh: [String] = []
    var stale: [String] = []
    for file in approval.approves {
      let path = root + "/" + file.path.value
      let current = headDigests[path] ?? MeaningDigest.deleted
      if current == file.digest.value { fresh.append(path) } else { stale.append(path) }
    }
    var problem = problem(approval, message: message)
    // A record that binds nothing any more is stale, whoever signed it: it is not a
    // self-approval of this change.
    if case .selfApproval? = problem, fresh.isEmpty { problem = nil }
    return ApprovalReview(
      path: approval.path, by: approval.by.value, problem: problem, freshPaths: fresh,
      stalePaths: stale)
  }

  /// The first reason the record is not genuine, or nil.
  public func problem(_ approval: Approval, message: [UInt8]?) -> ApprovalProblem? {
    let member = approval.by.value
    guard !owners.teams(of: member).isEmpty else { return .unknownMember(member) }
    let selfApproval = !owners.rules.selfApproval && authors.contains(member)
    guard let armored = approval.signature?.value else {
      if owners.rules.signatures == .required { return .unsigned }
      return selfApproval ? .selfApproval(member) : nil
    }
    guard let message else { return .unreadable }
    let signature: SSHSignature
    do { signature = try SSHSignature(armored: armored) } catch {
      return .malformedSignature(error.description)
    }
    let keys = owners.keys(of: member).compactMap { try? SSHPublicKey(parsing: $0) }
    guard let key = keys.first(where: { $0 == signature.signer }) else {
      return .keyNotListed(member: member, fingerprint: signature.signer.fingerprint)
    }
    do {
      try signature.validate(message: message, namespace: ApprovalMessage.namespace, by: key)
    } catch {
      return .badSignature(error.description)
    }
    // Checked last, so a forged or broken record is reported as what it is.
    return selfApproval ? .selfApproval(member) : nil
  }
}
