/// One thing `bursar audit` found in history that the rules did not allow.
public struct AuditFinding: Sendable, Hashable, Codable {
  /// What kind of breach of the rules a finding is.
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A change landed without the sign-off its base's owners required.
    case unsigned = "unsigned"
    /// A change landed without its sign-off, and a fresh approval for it landed on the
    /// first-parent line afterwards, in a later step that no push record joins to it.
    case approvedLate = "approved-late"
    /// An approval added by a commit did not verify (signature, key, signer, staleness).
    case unverifiedApproval = "unverified-approval"
    /// A commit left the budgets tree invalid.
    case invalidTree = "invalid-tree"
    /// A new or extended exception broke the base's policy when it landed.
    case exceptionPolicy = "exception-policy"
    /// An exception extended step by step past `max_exception_days` in total.
    case exceptionTooLongInTotal = "exception-too-long-in-total"
  }

  public var kind: Kind
  /// The commit that landed it.
  public var commit: String
  public var date: String
  public var author: String
  /// The file concerned, relative to the repository root.
  public var path: String
  public var detail: String
  /// For `approved-late`: the later step whose approval met the sign-off.
  public var approval: LateApproval?

  /// The approval that met an `approved-late` finding's sign-off in a later step.
  public struct LateApproval: Sendable, Hashable, Codable {
    /// The commit of the later step (full id).
    public var commit: String
    /// Its committer date, ISO 8601.
    public var date: String
    /// The members whose approvals count, by name.
    public var by: [String]
    /// The seconds from the unsigned commit to the approving one, by committer dates.
    public var afterSeconds: Int

    public init(commit: String, date: String, by: [String], afterSeconds: Int) {
      self.commit = commit
      self.date = date
      self.by = by
      self.afterSeconds = afterSeconds
    }

    enum CodingKeys: String, CodingKey {
      case commit, date, by
      case afterSeconds = "after_seconds"
    }
  }

  public init(
    kind: Kind, commit: String, date: String, author: String, path: String, detail: String
  ) {
    self.kind = kind
    self.commit = commit
    self.date = date
    self.author = author
    self.path = path
    self.detail = detail
  }
}
