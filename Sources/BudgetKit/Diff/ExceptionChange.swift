/// A change to an exception: which one, what happened to it, and which of its fields moved.
public struct ExceptionChange: Sendable, Hashable {
  public var id: ExceptionID
  public var budget: BudgetName
  public var environment: EnvironmentName
  public var action: ExceptionAction
  /// The exception's first day, on the side it is on (the new side, the old one when withdrawn).
  public var starts: CalendarDay
  /// The exception's last day, on the side it is on.
  public var expires: CalendarDay
  /// The exception's reason, on the side it is on.
  public var reason: String
  public var field: Field

  public init(
    id: ExceptionID, budget: BudgetName, environment: EnvironmentName, action: ExceptionAction,
    starts: CalendarDay, expires: CalendarDay, reason: String, field: Field
  ) {
    self.id = id
    self.budget = budget
    self.environment = environment
    self.action = action
    self.starts = starts
    self.expires = expires
    self.reason = reason
    self.field = field
  }

  /// The field of the exception that changed.
  public enum Field: Sendable, Hashable {
    /// A value the exception grants one of its metrics.
    case grant(Grant)
    /// The first day, for one of the exception's metrics.
    case starts(metric: MetricName, old: CalendarDay, new: CalendarDay)
    /// The last day, for one of the exception's metrics.
    case expires(metric: MetricName, old: CalendarDay, new: CalendarDay)
    case reason(old: String, new: String)
    case ticket(old: String?, new: String?)

    /// The metric the change names, so that filtering by metric finds it.
    public var metric: MetricName? {
      switch self {
      case .grant(let grant): grant.metric
      case .starts(let metric, _, _), .expires(let metric, _, _): metric
      case .reason, .ticket: nil
      }
    }

    /// The field as output names it.
    public var field: ChangeField {
      switch self {
      case .grant(let grant): .bound(grant.key)
      case .starts: .starts
      case .expires: .expires
      case .reason: .reason
      case .ticket: .ticket
      }
    }
  }

  /// A granted value that appeared, went or changed.
  public struct Grant: Sendable, Hashable {
    public var metric: MetricName
    public var key: BoundKey
    public var old: Quantity?
    public var new: Quantity?
    public var relativeChange: Double?
    /// The budget's own effective value that the grant relaxes, on the side the exception is
    /// on; nil when that budget is not on the side (see `BudgetDiff.withBudgetValues`).
    public var budgetValue: Quantity?

    public init(
      metric: MetricName, key: BoundKey, old: Quantity?, new: Quantity?,
      relativeChange: Double? = nil, budgetValue: Quantity? = nil
    ) {
      self.metric = metric
      self.key = key
      self.old = old
      self.new = new
      self.relativeChange = relativeChange
      self.budgetValue = budgetValue
    }
  }
}
