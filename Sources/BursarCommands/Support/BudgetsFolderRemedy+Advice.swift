import Ledger

extension BudgetsFolderRemedy {
  /// The words that follow "no .budgets/ folder in SOURCE", punctuation included.
  func advice(for source: BudgetSource) -> String {
    switch self {
    case .initialise: return "; `bursar init` writes a starter one"
    case .stage where source == .index:
      return ", though the work tree has one; `git add .budgets` stages it"
    case .stage:
      return ", though the work tree has one; `git add .budgets` and `git commit` record it"
    case .commit: return ", though the index has one; `git commit` records it"
    case .elsewhere(let other): return " (\(other) has one)"
    }
  }
}
