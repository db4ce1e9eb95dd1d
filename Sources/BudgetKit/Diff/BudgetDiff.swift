/// The semantic diff of two budget trees: what changed in the values people govern, not in the
/// bytes that hold them.
///
/// Comments, formatting, key order, descriptions and moves of budgets between files are not
/// changes. A budget is matched by `name`, an exception by `id`, and every environment is
/// compared by its effective values (the base metrics with its overrides applied).
public enum BudgetDiff {
  /// Every change from `old` to `new`: budgets (by name), then import mappings' figures (by
  /// tool, budget and metric), then exceptions (by id), then approvals, then the Owners file.
  public static func changes(from old: DiffSide, to new: DiffSide) -> [BudgetChange] {
    var changes: [BudgetChange] = []
    let oldBudgets = byName(old.budgets)
    let newBudgets = byName(new.budgets)
    for name in mergedOrder(old.budgets.map(\.name.value), new.budgets.map(\.name.value)).sorted() {
      changes += BudgetComparison(
        old: oldBudgets[name], new: newBudgets[name], oldBaselines: old.baselines,
        newBaselines: new.baselines
      ).changes()
    }
    changes += ImportFigureComparison.changes(from: old.imports, to: new.imports)
    changes += ExceptionComparison.changes(from: old.exceptions, to: new.exceptions)
    changes += ApprovalComparison.changes(from: old, to: new)
    changes += OwnersComparison.changes(from: old.owners, to: new.owners)
    return changes
  }

  /// The changes between two whole parsed trees.
  public static func changes(from old: BudgetTree, to new: BudgetTree, root: String = ".budgets")
    -> [BudgetChange]
  {
    changes(from: DiffSide(tree: old, root: root), to: DiffSide(tree: new, root: root))
  }

  /// The changes with the budget value each exception grant relaxes (`budgetValue`), read
  /// from the side the exception is on: the new side, or the old one for a withdrawn exception.
  /// The sides must hold those budgets (whole trees do); a change whose budget is not there is
  /// left as it is.
  public static func withBudgetValues(
    _ changes: [BudgetChange], from old: DiffSide, to new: DiffSide
  ) -> [BudgetChange] {
    let (before, after) = (byName(old.budgets), byName(new.budgets))
    return changes.map { change in
      guard case .exception(var exception) = change.what, case .grant(var grant) = exception.field
      else { return change }
      let budgets = exception.action == .withdrawn ? before : after
      grant.budgetValue =
        budgets[exception.budget]?.effectiveBound(of: grant.metric, in: exception.environment)?[
          grant.key]
      exception.field = .grant(grant)
      var change = change
      change.what = .exception(exception)
      return change
    }
  }

  private static func byName(_ budgets: [Budget]) -> [BudgetName: Budget] {
    Dictionary(budgets.map { ($0.name.value, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// The names of `new` in order, then those only in `old`.
  static func mergedOrder<Name: Hashable>(_ old: [Name], _ new: [Name]) -> [Name] {
    var seen = Set<Name>()
    return (new + old).filter { seen.insert($0).inserted }
  }
}
