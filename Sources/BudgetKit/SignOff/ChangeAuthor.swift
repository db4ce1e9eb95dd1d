/// A person who authored a commit that changes a governed file of the change under review, as
/// git records them (see `ChangeAuthorship`).
public struct ChangeAuthor: Sendable, Hashable {
  public var name: String
  public var email: String
  /// The first such commit found, for people: `1a2b3c4 "Loosen latency"`; nil when unknown.
  public var commit: String?

  public init(name: String, email: String, commit: String? = nil) {
    self.name = name
    self.email = email
    self.commit = commit
  }

  /// The members of `owners` this author is: by email (ignoring case), or by member name.
  public func members(in owners: Owners) -> Set<MemberName> {
    var found = Set<MemberName>()
    for team in owners.teams.values {
      for member in team.members {
        let sameEmail = member.email.map { $0.lowercased() == email.lowercased() } ?? false
        if sameEmail || member.name.rawValue == name { found.insert(member.name) }
      }
    }
    return found
  }
}
