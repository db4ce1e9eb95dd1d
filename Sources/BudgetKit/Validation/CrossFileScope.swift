/// Which unchanged files the checks across files must see again when a few files of a valid
/// tree change, so that validating the changed files together with them finds exactly the errors
/// that validating the whole new tree would.
///
/// It holds when the old tree had no errors and its Owners file is unchanged. Then every error
/// of the new tree involves a changed file: its own problems, a name it now shares with another
/// file (both are reported), an exception it holds whose budget lives elsewhere, an exception
/// elsewhere whose budget it defined or now defines, or an exception elsewhere on the budget of
/// an exception it holds (the two may run back to back, `ExceptionChainCheck`). Owners are read by every check, so a change
/// that touches an Owners file (before or after) needs the whole tree (`nil`).
public struct CrossFileScope: Sendable {
  /// The facts of every valid file of the old tree, by path from the repository root.
  public var base: [String: FileFacts]

  public init(base: [String: FileFacts]) {
    self.base = base
  }

  /// The unchanged paths to read again, sorted, with the Owners file first; nil when the whole
  /// tree must be validated.
  ///
  /// - Parameters:
  ///   - changed: every path that differs between the trees (added, removed or modified).
  ///   - new: the new version of each changed path that is still there, parsed.
  public func neighbours(changed: Set<String>, new: [ParsedFile]) -> [String]? {
    var budgetNames = Set<BudgetName>()
    var exceptionIDs = Set<ExceptionID>()
    var referencedBudgets = Set<BudgetName>()
    for path in changed {
      guard let old = base[path] else { continue }
      if old.kind == .owners { return nil }
      if let name = old.budgetName { budgetNames.insert(name) }
    }
    for file in new {
      if file.kind?.value == .owners { return nil }
      switch file.document {
      case .owners?: return nil
      case .importMapping(let mapping)?:
        // Checked against the budgets it names, and beside the other mappings of those budgets
        // (a metric mapped twice).
        referencedBudgets.formUnion(mapping.figures.map(\.budget.value))
      case .budget(let budget)?:
        budgetNames.insert(budget.name.value)
      case .exception(let exception)?:
        exceptionIDs.insert(exception.id.value)
        referencedBudgets.insert(exception.budget.value)
      case .approval?, nil: break
      }
    }
    var owners: [String] = []
    var others = Set<String>()
    var budgetFiles: [BudgetName: [String]] = [:]
    var exceptionBudgets: [String: BudgetName] = [:]
    var mappingBudgets: [String: Set<BudgetName>] = [:]
    for (path, facts) in base where !changed.contains(path) {
      switch facts.kind {
      case .owners: owners.append(path)
      case .budget:
        guard let name = facts.budgetName else { continue }
        budgetFiles[name, default: []].append(path)
        if budgetNames.contains(name) || referencedBudgets.contains(name) { others.insert(path) }
      case .exception:
        guard let budget = facts.budget else { continue }
        exceptionBudgets[path] = budget
        if budgetNames.contains(budget) || referencedBudgets.contains(budget) {
          others.insert(path)
        }
        if let id = facts.exceptionID, exceptionIDs.contains(id) { others.insert(path) }
      case .approval: break
      case .importMapping:
        let named = facts.mappedBudgets
        if !named.isDisjoint(with: budgetNames) || !named.isDisjoint(with: referencedBudgets) {
          others.insert(path)
          mappingBudgets[path] = named
        }
      }
    }
    // A mapping read again is checked against every budget it names.
    for (_, named) in mappingBudgets {
      for budget in named { others.formUnion(budgetFiles[budget] ?? []) }
    }
    // An exception read again is checked against its budget, so that file is read too.
    for path in others {
      guard let budget = exceptionBudgets[path] else { continue }
      others.formUnion(budgetFiles[budget] ?? [])
    }
    return owners.sorted() + others.sorted()
  }

  /// Every budget name of the new tree: those of unchanged files and of the changed files' new
  /// versions.
  public func budgetNames(changed: Set<String>, new: [ParsedFile]) -> Set<BudgetName> {
    var names = Set<BudgetName>()
    for (path, facts) in base where !changed.contains(path) {
      if let name = facts.budgetName { names.insert(name) }
    }
    for file in new {
      if case .budget(let budget)? = file.document { names.insert(budget.name.value) }
    }
    return names
  }
}
