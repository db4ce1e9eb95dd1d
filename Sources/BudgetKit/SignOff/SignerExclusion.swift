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
  /// Every reason that applies, a missing key first.
  public var reasons: [Reason]

  public init(member: MemberName, reasons: [Reason]) {
    self.member = member
    self.reasons = reasons
  }

  /// `alice authored 1a2b3c4 "Loosen latency" (self_approval: false)`.
  public var description: String {
    let phrases = reasons.map { reason in
      switch reason {
      case .author(let author):
        "authored \(author.commit ?? "a commit of this change") (self_approval: false)"
      case .noKey:
        "has no key in the base owners (signatures: required)"
      }
    }
    return "\(member) " + phrases.joined(separator: " and ")
  }

  public var isAuthor: Bool {
    reasons.contains {
      if case .author = $0 { return true }
      return false
    }
  }
}
