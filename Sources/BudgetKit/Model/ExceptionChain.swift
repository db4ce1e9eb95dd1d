/// Exceptions on one budget, environment and metric whose days touch or overlap: one deviation,
/// held to `max_exception_days` as a whole.
///
/// Two exceptions touch when the second starts at the latest the day after the first expires
/// (`2027-01-01..2027-03-31` and `2027-04-01..2027-06-29`); a day without an exception between
/// them ends the chain.
public struct ExceptionChain: Sendable {
  public var budget: BudgetName
  public var environment: EnvironmentName
  /// The metrics every member relaxes, sorted; usually one.
  public var metrics: [MetricName]
  /// The members, by start day (then expiry and id); at least two.
  public var members: [BudgetException]

  /// The first day any member is in force.
  public var starts: CalendarDay { members.map(\.starts.value).min()! }
  /// The last day any member is in force.
  public var expires: CalendarDay { members.map(\.expires.value).max()! }
  /// How many calendar days the chain covers, both ends included.
  public var lengthInDays: Int { starts.days(to: expires) + 1 }

  /// The members' ids in order.
  public var ids: [ExceptionID] { members.map(\.id.value) }

  /// Whether every member expired before `day`: the chain is history.
  public func hasExpired(on day: CalendarDay) -> Bool {
    members.allSatisfy { $0.hasExpired(on: day) }
  }

  /// The members with their days, for messages: `EXC-1 (2027-01-01..2027-03-31), EXC-2 (…)`.
  public var membersText: String {
    members.map { "\($0.id.value) (\($0.starts.value)..\($0.expires.value))" }.joined(
      separator: ", ")
  }

  /// What the chain covers, for messages: "`latency_p95` of budget `ranker` in production".
  public var coverText: String {
    let names = metrics.map { "`\($0)`" }.joined(separator: ", ")
    return "\(names) of budget `\(budget)` in \(environment)"
  }

  /// Every chain of two or more exceptions among `exceptions`. Exceptions that expire before
  /// they start are left out (`exception-dates` reports them). Members that chain on several
  /// metrics make one chain naming them all.
  public static func chains(in exceptions: [BudgetException]) -> [ExceptionChain] {
    struct Key: Hashable {
      var budget: BudgetName
      var environment: EnvironmentName
      var metric: MetricName
    }
    var lanes: [Key: [BudgetException]] = [:]
    for exception in exceptions where exception.starts.value <= exception.expires.value {
      for metric in Set(exception.metrics.map(\.name.value)) {
        let key = Key(
          budget: exception.budget.value, environment: exception.environment.value, metric: metric)
        lanes[key, default: []].append(exception)
      }
    }
    // Chains with the same members on several metrics are one; found in a stable order.
    var found: [[String]: ExceptionChain] = [:]
    var order: [[String]] = []
    for key in lanes.keys.sorted(by: {
      ($0.budget, $0.environment, $0.metric) < ($1.budget, $1.environment, $1.metric)
    }) {
      for members in runs(of: lanes[key]!) where members.count > 1 {
        let identity = members.map { "\($0.path)\u{0}\($0.id.value)" }
        if found[identity] == nil {
          order.append(identity)
          found[identity] = ExceptionChain(
            budget: key.budget, environment: key.environment, metrics: [], members: members)
        }
        found[identity]!.metrics.append(key.metric)
      }
    }
    return order.map { found[$0]! }
  }

  /// The exceptions of one lane cut into runs of touching or overlapping days.
  private static func runs(of lane: [BudgetException]) -> [[BudgetException]] {
    let sorted = lane.sorted {
      ($0.starts.value, $0.expires.value, $0.id.value.rawValue, $0.path)
        < ($1.starts.value, $1.expires.value, $1.id.value.rawValue, $1.path)
    }
    var runs: [[BudgetException]] = []
    var current: [BudgetException] = []
    var end: CalendarDay?
    for exception in sorted {
      if let last = end, last.days(to: exception.starts.value) <= 1 {
        current.append(exception)
        end = max(last, exception.expires.value)
      } else {
        if !current.isEmpty { runs.append(current) }
        current = [exception]
        end = exception.expires.value
      }
    }
    if !current.isEmpty { runs.append(current) }
    return runs
  }
}
