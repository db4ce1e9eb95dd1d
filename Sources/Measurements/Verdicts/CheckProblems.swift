import BudgetKit

/// Every reason measurements cannot be checked, sorted by place (`file:line:column`), so one run
/// reports them all.
public struct CheckProblems: Error, Sendable, CustomStringConvertible {
  /// The problems, those without a place (an `--env` the budgets lack) first.
  public var problems: [CheckError]

  public init(_ problems: [CheckError]) {
    self.problems = problems.enumerated().sorted { left, right in
      switch (left.element.location, right.element.location) {
      case (nil, nil): left.offset < right.offset
      case (nil, _): true
      case (_, nil): false
      case (let a?, let b?): a == b ? left.offset < right.offset : a < b
      }
    }.map(\.element)
  }

  public var description: String {
    problems.map(\.description).joined(separator: "\n")
  }
}

extension CheckError {
  /// Where in the measurements the problem is, when it has a place.
  public var location: SourceLocation? {
    switch self {
    case .unknownEnvironment(_, _, let location): location
    case .environmentNotInBudget(_, let budget, _): budget.location
    case .unknownBudget(let name, _): name.location
    case .unknownMetric(let name, _, _): name.location
    case .unitMismatch(_, _, _, _, _, _, let location): location
    case .unusableFigure(_, _, _, let location): location
    case .unresolvedReference(_, _, _, _, _, let location): location
    }
  }
}
