/// Holds exceptions that run back to back (or overlap) on one budget, environment and metric to
/// `max_exception_days` together: a 180-day deviation may not pass as two 90-day ones.
///
/// A chain whose every member expired before `day` is history and is not judged. Otherwise the
/// chain is reported at the `expires` of each member still in force or upcoming (the ones that
/// can still be changed), naming every member.
struct ExceptionChainCheck {
  let limit: Int
  let day: CalendarDay
  let collector: DiagnosticCollector

  func check(_ exceptions: [BudgetException]) {
    for chain in ExceptionChain.chains(in: exceptions)
    where chain.lengthInDays > limit && !chain.hasExpired(on: day) {
      for member in chain.members where !member.hasExpired(on: day) {
        collector.report(
          .exceptionChainTooLong, at: member.expires.location,
          "exceptions \(chain.membersText) relax \(chain.coverText) for \(chain.lengthInDays) days without a break; the rules allow at most \(limit)",
          hint:
            "back-to-back exceptions are one deviation: end it by \(chain.starts.adding(days: limit - 1)), or change the budget"
        )
      }
    }
  }
}
