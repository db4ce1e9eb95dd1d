/// Decides whether a set of approvers meets a sign-off: one person stands for one team, so a
/// member of two teams cannot satisfy `require: all` alone.
public struct SignOffMatcher: Sendable {
  /// Each approver's teams, as the base revision's Owners file lists them.
  public var teamsOf: [MemberName: Set<TeamName>]

  public init(teamsOf: [MemberName: Set<TeamName>]) {
    self.teamsOf = teamsOf
  }

  /// How many distinct teams the sign-off needs.
  public static func needed(_ signOff: SignOff) -> Int {
    switch signOff.require {
    case .any: 1
    case .all: signOff.teams.count
    case .count(let number): number
    }
  }

  /// The approvers assigned to distinct listed teams, as many as possible (up to what is needed).
  public func match(_ signOff: SignOff, approvers: [MemberName]) -> [TeamName: MemberName] {
    let people = approvers.sorted()
    var owner: [TeamName: MemberName] = [:]
    for team in signOff.teams where owner.count < Self.needed(signOff) {
      var visited = Set<TeamName>()
      _ = augment(team, signOff: signOff, people: people, owner: &owner, visited: &visited)
    }
    return owner
  }

  /// Whether the approvers meet the sign-off.
  public func isSatisfied(_ signOff: SignOff, approvers: [MemberName]) -> Bool {
    match(signOff, approvers: approvers).count >= Self.needed(signOff)
  }

  /// Approvers that belong to a listed team: those who count for this sign-off.
  public func counting(_ signOff: SignOff, approvers: [MemberName]) -> [MemberName] {
    let listed = Set(signOff.teams)
    return Array(Set(approvers.filter { !(teamsOf[$0] ?? []).isDisjoint(with: listed) })).sorted()
  }

  /// Kuhn's augmenting path: give `team` a person, moving others to other teams if need be.
  private func augment(
    _ team: TeamName, signOff: SignOff, people: [MemberName], owner: inout [TeamName: MemberName],
    visited: inout Set<TeamName>
  ) -> Bool {
    guard visited.insert(team).inserted else { return false }
    let assigned = Dictionary(
      owner.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
    for person in people where teamsOf[person]?.contains(team) == true {
      guard let current = assigned[person] else {
        owner[team] = person
        return true
      }
      if augment(current, signOff: signOff, people: people, owner: &owner, visited: &visited) {
        owner[team] = person
        return true
      }
    }
    return false
  }
}
