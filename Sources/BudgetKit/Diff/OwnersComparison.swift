/// Governance changes in the Owners file: teams, members and their keys, dimension owners,
/// rules, and who governs the file itself.
enum OwnersComparison {
  static func changes(from old: Owners?, to new: Owners?) -> [BudgetChange] {
    switch (old, new) {
    case (nil, nil): return []
    case (nil, let new?):
      return [
        change(
          .added, subject: .ownersFile, old: nil, new: "\(new.teamOrder.count) teams",
          path: new.path)
      ]
    case (let old?, nil):
      return [
        change(
          .removed, subject: .ownersFile, old: "\(old.teamOrder.count) teams", new: nil,
          path: old.path)
      ]
    case (let old?, let new?):
      return TeamComparison(path: new.path).changes(from: old, to: new)
        + dimensionChanges(from: old, to: new)
        + RulesComparison(path: new.path).changes(from: old.rules, to: new.rules)
        + signOffChange(
          field: "governance", from: old.governance, to: new.governance, path: new.path)
        + regressionChanges(from: old.regressions, to: new.regressions, path: new.path)
    }
  }

  /// `regressions.blocking`: which dimensions' regressions against history block.
  private static func regressionChanges(
    from old: RegressionRules, to new: RegressionRules, path: String
  ) -> [BudgetChange] {
    guard old.blocking != new.blocking else { return [] }
    func text(_ rules: RegressionRules) -> String? {
      rules.blocking.isEmpty ? nil : rules.blocking.map(\.rawValue).joined(separator: ", ")
    }
    let kind: ChangeKind =
      old.blocking.isEmpty ? .added : new.blocking.isEmpty ? .removed : .changed
    return [
      change(kind, field: "regressions.blocking", old: text(old), new: text(new), path: path)
    ]
  }

  private static func dimensionChanges(from old: Owners, to new: Owners) -> [BudgetChange] {
    let names = Set(old.dimensions.keys).union(new.dimensions.keys).sorted()
    return names.flatMap { name -> [BudgetChange] in
      let field = "dimensions.\(name)"
      switch (old.dimensions[name], new.dimensions[name]) {
      case (nil, nil): return []
      case (nil, let added?):
        return [
          change(.added, field: field, old: nil, new: describe(added.signOff), path: new.path)
        ]
      case (let removed?, nil):
        return [
          change(.removed, field: field, old: describe(removed.signOff), new: nil, path: new.path)
        ]
      case (let before?, let after?):
        var changes = signOffChange(
          field: field + ".owners", from: before.signOff, to: after.signOff, path: new.path)
        if before.runbook != after.runbook {
          changes.append(
            change(
              .changed, field: field + ".runbook", old: before.runbook, new: after.runbook,
              path: new.path))
        }
        return changes
      }
    }
  }

  private static func signOffChange(field: String, from old: SignOff, to new: SignOff, path: String)
    -> [BudgetChange]
  {
    guard old.teams != new.teams || old.require != new.require else { return [] }
    return [change(.changed, field: field, old: describe(old), new: describe(new), path: path)]
  }

  /// `sre, ml-eng (all)`.
  static func describe(_ signOff: SignOff) -> String {
    signOff.teams.map(\.rawValue).joined(separator: ", ") + " (\(signOff.require))"
  }

  static func change(_ kind: ChangeKind, field: String, old: String?, new: String?, path: String)
    -> BudgetChange
  {
    change(kind, subject: .owners(path: field), old: old, new: new, path: path)
  }

  private static func change(
    _ kind: ChangeKind, subject: ChangeField, old: String?, new: String?, path: String
  )
    -> BudgetChange
  {
    BudgetChange(
      category: .governance, kind: kind, subject: subject, old: old, new: new, path: path)
  }
}
