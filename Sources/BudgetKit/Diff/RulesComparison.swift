/// Changes to the sign-off rules, with a direction where one is plain: a rule that lets more
/// through without sign-off is a loosening.
struct RulesComparison {
  let path: String

  func changes(from old: Rules, to new: Rules) -> [BudgetChange] {
    var changes: [BudgetChange] = []
    let approvers: [(String, Rules.Approvers, Rules.Approvers)] = [
      ("loosen", old.loosen, new.loosen), ("tighten", old.tighten, new.tighten),
      ("add", old.add, new.add), ("remove", old.remove, new.remove),
      ("exception", old.exception, new.exception),
    ]
    for (name, before, after) in approvers where before != after {
      let kind: ChangeKind = after == .none ? .loosen : before == .none ? .tighten : .changed
      changes.append(change(kind, "rules.\(name)", before.rawValue, after.rawValue))
    }
    if old.maxExceptionDays != new.maxExceptionDays {
      let kind: ChangeKind = new.maxExceptionDays > old.maxExceptionDays ? .loosen : .tighten
      changes.append(
        change(
          kind, "rules.max_exception_days", "\(old.maxExceptionDays)", "\(new.maxExceptionDays)"))
    }
    if old.signatures != new.signatures {
      let kind: ChangeKind = new.signatures == .optional ? .loosen : .tighten
      changes.append(
        change(kind, "rules.signatures", old.signatures.rawValue, new.signatures.rawValue))
    }
    if old.selfApproval != new.selfApproval {
      changes.append(
        change(
          new.selfApproval ? .loosen : .tighten, "rules.self_approval", "\(old.selfApproval)",
          "\(new.selfApproval)"))
    }
    return changes
  }

  private func change(_ kind: ChangeKind, _ field: String, _ old: String, _ new: String)
    -> BudgetChange
  {
    OwnersComparison.change(kind, field: field, old: old, new: new, path: path)
  }
}
