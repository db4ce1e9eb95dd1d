/// Changes to the sign-off rules, with a direction where one is plain: a rule that lets more
/// through without sign-off is a loosening.
struct RulesComparison {
  let path: String

  func changes(from old: Rules, to new: Rules) -> [BudgetChange] {
    var changes: [BudgetChange] = []
    let approvers: [(RuleChange.ApprovedChange, Rules.Approvers, Rules.Approvers)] = [
      (.loosen, old.loosen, new.loosen), (.tighten, old.tighten, new.tighten),
      (.add, old.add, new.add), (.remove, old.remove, new.remove),
      (.exception, old.exception, new.exception),
    ]
    for (name, before, after) in approvers where before != after {
      let kind: ChangeKind = after == .none ? .loosen : before == .none ? .tighten : .changed
      changes.append(change(kind, .approvers(name, old: before, new: after)))
    }
    if old.maxExceptionDays != new.maxExceptionDays {
      let kind: ChangeKind = new.maxExceptionDays > old.maxExceptionDays ? .loosen : .tighten
      changes.append(
        change(kind, .maxExceptionDays(old: old.maxExceptionDays, new: new.maxExceptionDays)))
    }
    if old.signatures != new.signatures {
      let kind: ChangeKind = new.signatures == .optional ? .loosen : .tighten
      changes.append(change(kind, .signatures(old: old.signatures, new: new.signatures)))
    }
    if old.selfApproval != new.selfApproval {
      changes.append(
        change(
          new.selfApproval ? .loosen : .tighten,
          .selfApproval(old: old.selfApproval, new: new.selfApproval)))
    }
    return changes
  }

  private func change(_ kind: ChangeKind, _ rule: RuleChange) -> BudgetChange {
    OwnersComparison.change(kind, .rule(rule), path: path)
  }
}
