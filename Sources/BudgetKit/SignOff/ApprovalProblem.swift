/// Why an approval, or one file of it, counts for nothing.
public enum ApprovalProblem: Sendable, Hashable, CustomStringConvertible {
  /// The base revision's Owners file does not list the signer.
  case unknownMember(MemberName)
  /// Signatures are required and the record has none.
  case unsigned
  /// The signature text is not an SSH signature.
  case malformedSignature(String)
  /// The signing key is not one the base lists for the signer.
  case keyNotListed(member: MemberName, fingerprint: String)
  /// The signature does not verify over the record: it was edited, or signed for another use.
  case badSignature(String)
  /// The signer authored a commit of the change that changes a governed file, and
  /// `self_approval` is false.
  case selfApproval(MemberName)
  /// The record could not be read back to check its signature.
  case unreadable

  public var description: String {
    switch self {
    case .unknownMember(let name):
      "\(name) is not a member of any team in the base revision's owners"
    case .unsigned:
      "it is not signed, and the base rules require signatures"
    case .malformedSignature(let detail):
      "its signature cannot be read: \(detail)"
    case .keyNotListed(let member, let fingerprint):
      "it is signed with \(fingerprint), which is not one of \(member)'s keys in the base revision's owners"
    case .badSignature(let detail):
      "its signature does not verify (the record was changed after signing, or signed for something else): \(detail)"
    case .selfApproval(let name):
      "\(name) authored a commit that changes a governed file in this change, and the base rules forbid self-approval (self_approval: false)"
    case .unreadable:
      "the record cannot be read to check its signature"
    }
  }
}

/// One approval file judged: whether it is genuine, and which files it still binds.
public struct ApprovalReview: Sendable, Hashable {
  /// The approval file, relative to the repository root.
  public var path: String
  public var by: MemberName
  /// Nil when the record is genuine.
  public var problem: ApprovalProblem?
  /// Files (relative to the repository root) whose current meaning the approval binds.
  public var freshPaths: [String]
  /// Files it names whose meaning has changed since it was signed.
  public var stalePaths: [String]

  public init(
    path: String, by: MemberName, problem: ApprovalProblem?, freshPaths: [String],
    stalePaths: [String]
  ) {
    self.path = path
    self.by = by
    self.problem = problem
    self.freshPaths = freshPaths
    self.stalePaths = stalePaths
  }

  public var isGenuine: Bool { problem == nil }
}
