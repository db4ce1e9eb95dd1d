/// An approved, time-boxed deviation from a budget in one environment.
public struct BudgetException: Sendable {
  public var path: String
  public var id: Located<ExceptionID>
  public var budget: Located<BudgetName>
  public var environment: Located<EnvironmentName>
  public var metrics: [MetricOverride]
  public var reason: String
  public var ticket: String?
  public var starts: Located<CalendarDay>
  public var expires: Located<CalendarDay>

  public init(
    path: String, id: Located<ExceptionID>, budget: Located<BudgetName>,
    environment: Located<EnvironmentName>, metrics: [MetricOverride], reason: String,
    ticket: String?, starts: Located<CalendarDay>, expires: Located<CalendarDay>
  ) {
    self.path = path
    self.id = id
    self.budget = budget
    self.environment = environment
    self.metrics = metrics
    self.reason = reason
    self.ticket = ticket
    self.starts = starts
    self.expires = expires
  }

  /// How many calendar days the exception is in force, both ends included.
  public var lengthInDays: Int { starts.value.days(to: expires.value) + 1 }

  /// Whether the exception is in force on a day: from the start of `starts` through the end of
  /// `expires`, UTC.
  public func isInForce(on day: CalendarDay) -> Bool {
    starts.value <= day && day <= expires.value
  }

  /// Whether the exception's last day is before `day`: it is then history, held to its own
  /// form only and never to the budget as it is now.
  public func hasExpired(on day: CalendarDay) -> Bool {
    expires.value < day
  }
}
