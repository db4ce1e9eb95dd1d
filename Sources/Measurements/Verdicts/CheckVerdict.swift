import BudgetKit

/// The verdict on one metric of a measured budget.
public enum CheckVerdict: Sendable, Hashable {
  /// Within the effective budget of the environment.
  case within
  /// Outside the budget (or, for an `slo` metric, burning fast enough to page), with no
  /// exception in force to cover it.
  case breached
  /// Outside the budget but within an exception in force: a recorded deviation.
  case excepted(ExceptionID)
  /// The budget is measured but this metric has no figure.
  case missing
  /// A figure is measured but too little to judge: a drift sample below `min_samples`. It
  /// never fails the check.
  case insufficient

  /// The kinds of verdict, without the exception's id.
  public enum Kind: String, Sendable, CaseIterable {
    case within, breached, excepted, missing, insufficient
  }

  public var kind: Kind {
    switch self {
    case .within: .within
    case .breached: .breached
    case .excepted: .excepted
    case .missing: .missing
    case .insufficient: .insufficient
    }
  }

  /// Whether a test report shows the result as skipped: nothing was judged.
  public var isSkipped: Bool { self == .missing || self == .insufficient }

  /// `within`, `breached`, `excepted`, `missing` or `insufficient`, as the JSON output writes it.
  public var name: String { kind.rawValue }
}
