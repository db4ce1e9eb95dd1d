/// Changes to teams, their members, e-mail addresses and signing keys.
struct TeamComparison {
  let path: String

  func changes(from old: Owners, to new: Owners) -> [BudgetChange] {
    BudgetDiff.mergedOrder(old.teamOrder, new.teamOrder).flatMap { name -> [BudgetChange] in
      let field = "teams.\(name)"
      switch (old.teams[name], new.teams[name]) {
      case (nil, nil): return []
      case (nil, let added?): return [change(.added, field, old: nil, new: memberList(added))]
      case (let removed?, nil): return [change(.removed, field, old: memberList(removed), new: nil)]
      case (let before?, let after?): return memberChanges(from: before, to: after, field: field)
      }
    }
  }

  private func memberChanges(from old: Team, to new: Team, field: String) -> [BudgetChange] {
    let before = Dictionary(old.members.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    let after = Dictionary(new.members.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    let names = BudgetDiff.mergedOrder(old.members.map(\.name), new.members.map(\.name))
    return names.flatMap { name -> [BudgetChange] in
      switch (before[name], after[name]) {
      case (nil, nil): return []
      case (nil, _?): return [change(.added, field + ".members", old: nil, new: name.rawValue)]
      case (_?, nil): return [change(.removed, field + ".members", old: name.rawValue, new: nil)]
      case (let was?, let now?):
        return detailChanges(from: was, to: now, field: "\(field).members.\(name)")
      }
    }
  }

  private func detailChanges(from old: Member, to new: Member, field: String) -> [BudgetChange] {
    var changes: [BudgetChange] = []
    if old.email != new.email {
      changes.append(change(.changed, field + ".email", old: old.email, new: new.email))
    }
    // A key that can sign approvals is a power granted or taken away, so each one is its own change.
    for key in new.keys where !old.keys.contains(key) {
      changes.append(change(.added, field + ".keys", old: nil, new: Self.shortKey(key)))
    }
    for key in old.keys where !new.keys.contains(key) {
      changes.append(change(.removed, field + ".keys", old: Self.shortKey(key), new: nil))
    }
    return changes
  }

  private func memberList(_ team: Team) -> String {
    team.members.map(\.name.rawValue).joined(separator: ", ")
  }

  private func change(_ kind: ChangeKind, _ field: String, old: String?, new: String?)
    -> BudgetChange
  {
    OwnersComparison.change(kind, field: field, old: old, new: new, path: path)
  }

  /// `ssh-ed25519 …Xy12Ab34 alice@laptop`: the type, the end of the key, and its comment.
  static func shortKey(_ key: String) -> String {
    let parts = key.split(separator: " ", maxSplits: 2).map(String.init)
    guard parts.count >= 2 else { return key }
    let tail = parts[1].count > 12 ? "…" + parts[1].suffix(12) : parts[1]
    return ([parts[0], tail] + parts.dropFirst(2)).joined(separator: " ")
  }
}
