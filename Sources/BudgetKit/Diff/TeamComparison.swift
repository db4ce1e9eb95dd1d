/// Changes to teams, their members, e-mail addresses and signing keys.
struct TeamComparison {
  let path: String

  func changes(from old: Owners, to new: Owners) -> [BudgetChange] {
    BudgetDiff.mergedOrder(old.teamOrder, new.teamOrder).flatMap { name -> [BudgetChange] in
      switch (old.teams[name], new.teams[name]) {
      case (nil, nil): return []
      case (nil, let added?): return [change(.added, .team(name, old: nil, new: members(added)))]
      case (let removed?, nil):
        return [change(.removed, .team(name, old: members(removed), new: nil))]
      case (let before?, let after?): return memberChanges(from: before, to: after, team: name)
      }
    }
  }

  private func memberChanges(from old: Team, to new: Team, team: TeamName) -> [BudgetChange] {
    let before = Dictionary(old.members.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    let after = Dictionary(new.members.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    let names = BudgetDiff.mergedOrder(old.members.map(\.name), new.members.map(\.name))
    return names.flatMap { name -> [BudgetChange] in
      switch (before[name], after[name]) {
      case (nil, nil): return []
      case (nil, _?): return [change(.added, .member(team: team, old: nil, new: name))]
      case (_?, nil): return [change(.removed, .member(team: team, old: name, new: nil))]
      case (let was?, let now?): return detailChanges(from: was, to: now, team: team)
      }
    }
  }

  private func detailChanges(from old: Member, to new: Member, team: TeamName) -> [BudgetChange] {
    var changes: [BudgetChange] = []
    let member = new.name
    if old.email != new.email {
      changes.append(
        change(.changed, .email(team: team, member: member, old: old.email, new: new.email)))
    }
    // A key that can sign approvals is a power granted or taken away, so each one is its own change.
    for key in new.keys where !old.keys.contains(key) {
      changes.append(change(.added, .key(team: team, member: member, old: nil, new: key)))
    }
    for key in old.keys where !new.keys.contains(key) {
      changes.append(change(.removed, .key(team: team, member: member, old: key, new: nil)))
    }
    return changes
  }

  private func members(_ team: Team) -> [MemberName] {
    team.members.map(\.name)
  }

  private func change(_ kind: ChangeKind, _ what: OwnersChange) -> BudgetChange {
    OwnersComparison.change(kind, what, path: path)
  }
}
