/// Follows each exception across history to catch one extended step by step past the limit:
/// each extension may fit `max_exception_days`, while the deviation as a whole does not.
public struct ExceptionSpanTracker: Sendable {
  private var firstStart: [ExceptionID: CalendarDay] = [:]
  private var reported: Set<ExceptionID> = []

  public init() {}

  /// Records the exceptions of a tree; returns those whose whole span now exceeds the limit,
  /// each once, with the span in days.
  public mutating func record(_ exceptions: [BudgetException], limit: Int) -> [(
    BudgetException, Int
  )] {
    var over: [(BudgetException, Int)] = []
    for exception in exceptions {
      let id = exception.id.value
      let start = min(firstStart[id] ?? exception.starts.value, exception.starts.value)
      firstStart[id] = start
      let span = start.days(to: exception.expires.value) + 1
      if span > limit, !reported.contains(id), span > exception.lengthInDays {
        reported.insert(id)
        over.append((exception, span))
      }
    }
    return over
  }
}
