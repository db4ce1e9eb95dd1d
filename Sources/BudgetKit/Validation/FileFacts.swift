/// What one valid file contributes to the checks across files: its kind, the name it defines
/// and the budget it refers to. Enough to know, for a change to a few files, which other files
/// the cross-file checks must see again.
public struct FileFacts: Hashable, Sendable {
  public var kind: DocumentKind
  /// The budget name a Budget defines, or the id an Exception defines.
  public var name: String?
  /// The budget an Exception applies to.
  public var budget: BudgetName?

  public init(kind: DocumentKind, name: String? = nil, budget: BudgetName? = nil) {
    self.kind = kind
    self.name = name
    self.budget = budget
  }

  /// The facts of a parsed file; nil when the file has an error of its own (its meaning is
  /// unknown, so nothing may be concluded from it).
  public init?(_ file: ParsedFile) {
    guard !file.isBroken, let document = file.document else { return nil }
    self.init(document)
  }

  public init(_ document: BudgetDocument) {
    switch document {
    case .owners: self.init(kind: .owners)
    case .approval: self.init(kind: .approval)
    case .importMapping(let mapping):
      // The budgets it names, so that a change to one of them reads the mapping again.
      let budgets = Set(mapping.figures.map(\.budget.value.rawValue)).sorted()
      self.init(kind: .importMapping, name: budgets.isEmpty ? nil : budgets.joined(separator: ","))
    case .budget(let budget): self.init(kind: .budget, name: budget.name.value.rawValue)
    case .exception(let exception):
      self.init(
        kind: .exception, name: exception.id.value.rawValue, budget: exception.budget.value)
    }
  }

  /// The budget name this file defines, if it is a Budget.
  public var budgetName: BudgetName? { kind == .budget ? name.map { BudgetName($0) } : nil }

  /// The budgets an Import mapping names.
  public var mappedBudgets: Set<BudgetName> {
    guard kind == .importMapping, let name else { return [] }
    return Set(name.split(separator: ",").map { BudgetName(String($0)) })
  }

  /// The exception id this file defines, if it is an Exception.
  public var exceptionID: ExceptionID? { kind == .exception ? name.map { ExceptionID($0) } : nil }
}
