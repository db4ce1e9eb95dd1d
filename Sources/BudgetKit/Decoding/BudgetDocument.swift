/// One parsed file under `.budgets/`.
public enum BudgetDocument: Sendable {
  case owners(Owners)
  case budget(Budget)
  case exception(BudgetException)
  case approval(Approval)
  case importMapping(ImportMapping)

  public var kind: DocumentKind {
    switch self {
    case .owners: .owners
    case .budget: .budget
    case .exception: .exception
    case .approval: .approval
    case .importMapping: .importMapping
    }
  }
}
