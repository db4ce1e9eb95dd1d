/// A person's sign-off on the meaning of some budget files, optionally signed with their SSH key.
public struct Approval: Sendable {
  public var path: String
  public var by: Located<MemberName>
  public var approves: [ApprovedFile]
  public var note: String?
  /// The armored `ssh-keygen -Y sign` signature over the record's canonical form.
  public var signature: Located<String>?

  public init(
    path: String, by: Located<MemberName>, approves: [ApprovedFile], note: String?,
    signature: Located<String>?
  ) {
    self.path = path
    self.by = by
    self.approves = approves
    self.note = note
    self.signature = signature
  }
}

/// One file an approval binds to, by the digest of its meaning.
public struct ApprovedFile: Sendable, Hashable {
  /// The path relative to `.budgets/`.
  public var path: Located<String>
  /// `sha256:` followed by 64 lowercase hex digits, or `deleted` for a file the change removes.
  public var digest: Located<String>

  public init(path: Located<String>, digest: Located<String>) {
    self.path = path
    self.digest = digest
  }
}
