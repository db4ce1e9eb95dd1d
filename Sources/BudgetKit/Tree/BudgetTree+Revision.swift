extension BudgetTree {
  /// Whether this tree, valid, stays valid when some of its files are replaced by new versions
  /// that have no errors of their own: budgets that keep their names, and approvals.
  ///
  /// Only the checks across files can then fail, and only on what touches a replaced file (as
  /// `CrossFileScope` sets out): the Owners file, the exceptions of the replaced budgets, and
  /// the replaced files themselves are validated together. Nil when that is not enough to
  /// know, and the whole new tree must be validated: the tree has errors already, a budget is
  /// not replaced by one of the same name, or an Import mapping names a replaced budget.
  ///
  /// - Parameters:
  ///   - budgets: the new versions; each must have the name of a budget the tree holds.
  ///   - approvals: the new versions of changed approval records.
  ///   - root: the budgets folder, as the tree was loaded with.
  public func staysValid(replacingBudgets budgets: [Budget], approvals: [Approval], root: String)
    -> Bool?
  {
    guard isValid, let day else { return nil }
    let names = Set(budgets.map(\.name.value))
    guard names.count == budgets.count,
      names.allSatisfy({ name in self.budgets.contains { $0.name.value == name } })
    else { return nil }
    let mapped = imports.contains { mapping in
      mapping.figures.contains { names.contains($0.budget.value) }
    }
    guard !mapped else { return nil }
    var documents: [BudgetDocument] = owners.map { [.owners($0)] } ?? []
    documents += budgets.map(BudgetDocument.budget)
    documents += exceptions.filter { names.contains($0.budget.value) }.map(BudgetDocument.exception)
    documents += approvals.map(BudgetDocument.approval)
    let kinds = owners.map { [Located(DocumentKind.owners, at: .start(of: $0.path))] } ?? []
    // No names for hints: only whether an error is found counts here, not its message.
    let found = TreeValidator(root: root, day: day).validate(
      documents, kinds: kinds, budgetNames: [])
    return !found.hasErrors
  }
}
