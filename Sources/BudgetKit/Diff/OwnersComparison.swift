/// Governance changes in the Owners file: teams, members and their keys, dimension owners,
/// rules, and who governs the file itself.
enum OwnersComparison {
  static func changes(from old: Owners?, to new: Owners?) -> [BudgetChange] {
    switch (old, new) {
    case (nil, nil): return []
    case (nil, let new?):
      return [change(.added, .file(oldTeams: nil, newTeams: new.teamOrder.count), path: new.path)]
    case (let old?, nil):
      return [
        change(.removed, .file(oldTeams: old.teamOrder.count, newTeams: nil), path: old.path)
      ]
    case (let old?, let new?):
      var changes =
        TeamComparison(path: new.path).changes(from: old, to: new)
        + dimensionChanges(from: old, to: new)
        + RulesComparison(path: new.path).changes(from: old.rules, to: new.rules)
      if differ(old.governance, new.governance) {
        changes.append(
          change(.changed, .governance(old: old.governance, new: new.governance), path: new.path))
      }
      if old.regressions.blocking != new.regressions.blocking {
        let (before, after) = (old.regressions.blocking, new.regressions.blocking)
        let kind: ChangeKind = before.isEmpty ? .added : after.isEmpty ? .removed : .changed
        changes.append(change(kind, .regressionsBlocking(old: before, new: after), path: new.path))
      }
      return changes
    }
  }

  private static func dimensionChanges(from old: Owners, to new: Owners) -> [BudgetChange] {
    let names = Set(old.dimensions.keys).union(new.dimensions.keys).sorted()
    return names.flatMap { name -> [BudgetChange] in
      switch (old.dimensions[name], new.dimensions[name]) {
      case (nil, nil): return []
      case (nil, let added?):
        return [change(.added, .dimension(name, old: nil, new: added.signOff), path: new.path)]
      case (let removed?, nil):
        return [change(.removed, .dimension(name, old: removed.signOff, new: nil), path: new.path)]
      case (let before?, let after?):
        var changes: [BudgetChange] = []
        if differ(before.signOff, after.signOff) {
          changes.append(
            change(
              .changed, .dimensionOwners(name, old: before.signOff, new: after.signOff),
              path: new.path))
        }
        if before.weight?.baseValue != after.weight?.baseValue {
          changes.append(
            change(
              .changed, .weight(name, old: before.weight, new: after.weight), path: new.path))
        }
        if before.runbook != after.runbook {
          changes.append(
            change(
              .changed, .runbook(name, old: before.runbook, new: after.runbook), path: new.path))
        }
        return changes
      }
    }
  }

  /// Whether two sign-offs name other teams or another requirement.
  private static func differ(_ old: SignOff, _ new: SignOff) -> Bool {
    old.teams != new.teams || old.require != new.require
  }

  static func change(_ kind: ChangeKind, _ what: OwnersChange, path: String) -> BudgetChange {
    BudgetChange(.owners(what), kind: kind, path: path)
  }
}
