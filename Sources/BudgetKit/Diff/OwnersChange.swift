/// A change in the Owners file: who may sign off what, and how.
public enum OwnersChange: Sendable, Hashable {
  /// The Owners file appeared or went away; its team count on the side it is on.
  case file(oldTeams: Int?, newTeams: Int?)
  /// A team appeared or went, with its members.
  case team(TeamName, old: [MemberName]?, new: [MemberName]?)
  /// A member joined or left a team.
  case member(team: TeamName, old: MemberName?, new: MemberName?)
  /// A member's e-mail address changed.
  case email(team: TeamName, member: MemberName, old: String?, new: String?)
  /// A member gained or lost a signing key (the key as written).
  case key(team: TeamName, member: MemberName, old: String?, new: String?)
  /// A dimension appeared or went, with its owners.
  case dimension(DimensionName, old: SignOff?, new: SignOff?)
  /// The teams that sign off a dimension changed.
  case dimensionOwners(DimensionName, old: SignOff, new: SignOff)
  /// A dimension's runbook changed.
  case runbook(DimensionName, old: String?, new: String?)
  /// A dimension's weight in the composite health changed.
  case weight(DimensionName, old: Quantity?, new: Quantity?)
  /// A sign-off rule changed.
  case rule(RuleChange)
  /// The teams that govern the Owners file changed.
  case governance(old: SignOff, new: SignOff)
  /// The dimensions whose regressions against recorded history block (`regressions.blocking`)
  /// changed; empty where the side lists none.
  case regressionsBlocking(old: [DimensionName], new: [DimensionName])

  /// The field as output names it: `owners` for the file, else its dotted path there.
  public var field: ChangeField {
    switch self {
    case .file: .ownersFile
    case .team(let team, _, _): .owners(path: "teams.\(team)")
    case .member(let team, _, _): .owners(path: "teams.\(team).members")
    case .email(let team, let member, _, _): .owners(path: "teams.\(team).members.\(member).email")
    case .key(let team, let member, _, _): .owners(path: "teams.\(team).members.\(member).keys")
    case .dimension(let name, _, _): .owners(path: "dimensions.\(name)")
    case .dimensionOwners(let name, _, _): .owners(path: "dimensions.\(name).owners")
    case .runbook(let name, _, _): .owners(path: "dimensions.\(name).runbook")
    case .weight(let name, _, _): .owners(path: "dimensions.\(name).weight")
    case .rule(let rule): .owners(path: "rules.\(rule.name)")
    case .governance: .owners(path: "governance")
    case .regressionsBlocking: .owners(path: "regressions.blocking")
    }
  }
}
