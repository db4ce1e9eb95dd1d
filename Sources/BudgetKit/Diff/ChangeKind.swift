/// Which way a change moves a budget.
public enum ChangeKind: String, Sendable, CaseIterable, Hashable, Codable {
  /// A cap became stricter: a lower ceiling, a higher floor or target, or a new cap on a metric.
  case tighten
  /// A cap became laxer: a higher ceiling, a lower floor or target, or a cap dropped.
  case loosen
  /// A budget, metric, environment, exception, approval, team or rule that was not there.
  case added
  /// A budget, metric, environment, exception, approval, team or rule that is gone.
  case removed
  /// A value changed where direction has no meaning, such as an SLO window or a team's members.
  case changed

  /// Whether sign-off policy treats the change as a loosening: removing a cap or a budget
  /// lets more through, just as raising a ceiling does.
  public var isLoosening: Bool { self == .loosen || self == .removed }

  /// The other way: a tightening for a loosening and the reverse; others as they are.
  public var reversed: ChangeKind {
    switch self {
    case .tighten: .loosen
    case .loosen: .tighten
    default: self
    }
  }
}

/// What part of the governed files a change touches.
public enum ChangeCategory: String, Sendable, CaseIterable, Hashable, Codable {
  /// A metric's bound or a budget's own fields.
  case budget
  /// A time-boxed deviation (`kind: Exception`).
  case exception
  /// A sign-off record (`kind: Approval`).
  case approval
  /// The Owners file: teams, members, keys, dimension owners, rules and governance.
  case governance
}

/// What happened to an exception, in the words of the exceptions register.
public enum ExceptionAction: String, Sendable, CaseIterable, Hashable, Codable {
  case created
  case extended
  case shortened
  case withdrawn
  /// The granted value, reason, ticket or another field changed.
  case amended
}
