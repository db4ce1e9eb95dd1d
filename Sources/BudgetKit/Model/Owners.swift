/// Who owns what: teams and their members' keys, which teams own each dimension, the rules that
/// say which changes need sign-off, and who governs this file itself.
public struct Owners: Sendable {
  public var path: String
  public var teams: [TeamName: Team]
  public var teamOrder: [TeamName]
  public var dimensions: [DimensionName: Dimension]
  public var rules: Rules
  public var governance: SignOff
  /// Which dimensions' regressions against recorded history block.
  public var regressions: RegressionRules
  /// Where each team and dimension is defined, for messages.
  public var locations: [String: SourceLocation]

  public init(
    path: String, teams: [TeamName: Team], teamOrder: [TeamName],
    dimensions: [DimensionName: Dimension], rules: Rules, governance: SignOff,
    regressions: RegressionRules = RegressionRules(), locations: [String: SourceLocation] = [:]
  ) {
    self.path = path
    self.teams = teams
    self.teamOrder = teamOrder
    self.dimensions = dimensions
    self.rules = rules
    self.governance = governance
    self.regressions = regressions
    self.locations = locations
  }

  /// The teams a person belongs to.
  public func teams(of member: MemberName) -> [TeamName] {
    teamOrder.filter { teams[$0]?.members.contains { $0.name == member } == true }
  }

  /// Every key a person may sign with, across the teams that list them.
  public func keys(of member: MemberName) -> [String] {
    teamOrder.flatMap { team in
      teams[team]?.members.filter { $0.name == member }.flatMap(\.keys) ?? []
    }
  }
}

/// A team and its members.
public struct Team: Sendable, Hashable {
  public var name: TeamName
  public var description: String?
  public var members: [Member]

  public init(name: TeamName, description: String? = nil, members: [Member]) {
    self.name = name
    self.description = description
    self.members = members
  }
}

/// A person who may approve changes, with the SSH public keys their approvals are signed with.
public struct Member: Sendable, Hashable {
  public var name: MemberName
  public var email: String?
  /// OpenSSH public key lines, such as `ssh-ed25519 AAAA… alice@laptop`.
  public var keys: [String]

  public init(name: MemberName, email: String? = nil, keys: [String] = []) {
    self.name = name
    self.email = email
    self.keys = keys
  }
}

/// A kind of metric (latency, quality, fairness…), the teams that own it, and its runbook.
public struct Dimension: Sendable, Hashable {
  public var name: DimensionName
  public var signOff: SignOff
  public var runbook: String?
  public var description: String?
  /// How much the dimension counts in the composite health `check` shows, for visibility only;
  /// nil when the Owners file gives none (a weight of 1).
  public var weight: Quantity?

  public init(
    name: DimensionName, signOff: SignOff, runbook: String? = nil, description: String? = nil,
    weight: Quantity? = nil
  ) {
    self.name = name
    self.signOff = signOff
    self.runbook = runbook
    self.description = description
    self.weight = weight
  }
}

/// Which teams must sign off, and how many of them.
public struct SignOff: Sendable, Hashable {
  public var teams: [TeamName]
  public var require: Requirement
  /// Where each team is named, for messages.
  public var locations: [TeamName: SourceLocation]

  public init(
    teams: [TeamName], require: Requirement = .any, locations: [TeamName: SourceLocation] = [:]
  ) {
    self.teams = teams
    self.require = require
    self.locations = locations
  }
}

/// How many of the listed teams must sign off.
public enum Requirement: Sendable, Hashable, CustomStringConvertible {
  /// One member of any listed team.
  case any
  /// One member of each listed team.
  case all
  /// Members of this many different listed teams.
  case count(Int)

  public var description: String {
    switch self {
    case .any: "any"
    case .all: "all"
    case .count(let number): "\(number)"
    }
  }
}
