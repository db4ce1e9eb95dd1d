/// A member of a team a sign-off lists whose approval could not count, and why: what a person
/// needs to know when "who can sign" comes out short.
public struct SignerExclusion: Sendable, Hashable, CustomStringConvertible {
  public enum Reason: Sendable, Hashable {
    /// The member authored a commit that changes a governed file, and `self_approval` is false.
    case author(ChangeAuthor)
    /// Signatures are required and the base owners list no key for the member.
    case noKey
  }

  public var member: MemberName
  public var reason: Reason

  public init(member: MemberName, reason: Reason) {
    self.member = member
    self.reason = reason
  }

  /// `alice authored 1a2b3c4 "Loosen latency" (self_approval: false)`.
  public var description: String {
    switch reason {
    case .author(let author):
      "\(member) authored \(author.commit ?? "a commit of this change") (self_approval: false)"
    case .noKey:
      "\(member) has no key in the base owners (signatures: required)"
    }
  }

  public var isAuthor: Bool {
    if case .author = reason { return true }
    return false
  }
}
