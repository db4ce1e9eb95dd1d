import BudgetKit

/// What `diff` found, grouped the way every renderer shows it.
struct DiffReport {
  /// The changes to one budget's own values.
  struct BudgetGroup {
    var budget: BudgetName
    var path: String
    var changes: [BudgetChange]
    var loosens: Bool { changes.contains { $0.kind.isLoosening } }
  }

  var from: String
  var to: String
  var changes: [BudgetChange]

  /// Budget changes by budget: budgets with a loosening first, then by name.
  var budgetGroups: [BudgetGroup] {
    let budgetChanges = changes.filter { $0.category == .budget }
    var groups: [BudgetName: BudgetGroup] = [:]
    var order: [BudgetName] = []
    for change in budgetChanges {
      guard let name = change.budget else { continue }
      if groups[name] == nil {
        groups[name] = BudgetGroup(budget: name, path: change.path, changes: [])
        order.append(name)
      }
      groups[name]?.changes.append(change)
    }
    return order.compactMap { groups[$0] }.sorted {
      ($0.loosens ? 0 : 1, $0.budget) < ($1.loosens ? 0 : 1, $1.budget)
    }
  }

  var exceptionChanges: [BudgetChange] { changes.filter { $0.category == .exception } }
  var approvalChanges: [BudgetChange] { changes.filter { $0.category == .approval } }
  var governanceChanges: [BudgetChange] { changes.filter { $0.category == .governance } }

  /// How many distinct budgets the changes touch.
  var budgetCount: Int { Set(changes.compactMap(\.budget)).count }
}
