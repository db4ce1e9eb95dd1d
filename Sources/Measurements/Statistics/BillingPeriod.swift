import Foundation

/// A calendar period in UTC that spend is billed over: an ISO week (Monday 00:00 to the next
/// Monday), a calendar month (28 to 31 days), or a quarter (January, April, July, October).
public enum BillingPeriod: String, Sendable, CaseIterable {
  case week
  case month
  case quarter

  /// The earliest and latest instants a period can be found for: years 1 to 9999.
  public static let instants = -62_135_596_800.0...253_402_300_799.0

  /// The period holding an instant (seconds since 1970): its start (inclusive) and end
  /// (exclusive), in seconds since 1970; nil for an instant that is not finite or outside the
  /// years 1 to 9999.
  public func bounds(containing instant: Double) -> (start: Double, end: Double)? {
    guard Self.instants.contains(instant) else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let date = Date(timeIntervalSince1970: instant)
    let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
    let year = parts.year ?? 1970
    let month = parts.month ?? 1
    func instantOf(_ year: Int, _ month: Int, _ day: Int) -> Double {
      let components = DateComponents(
        timeZone: calendar.timeZone, year: year, month: month, day: day)
      return calendar.date(from: components)?.timeIntervalSince1970 ?? instant
    }
    switch self {
    case .week:
      // Weekday 1 is Sunday; Monday starts the ISO week.
      let sinceMonday = ((parts.weekday ?? 2) + 5) % 7
      let start = instantOf(year, month, (parts.day ?? 1) - sinceMonday)
      return (start, start + 7 * 86_400)
    case .month:
      return (instantOf(year, month, 1), instantOf(year, month + 1, 1))
    case .quarter:
      let first = (month - 1) / 3 * 3 + 1
      return (instantOf(year, first, 1), instantOf(year, first + 3, 1))
    }
  }
}
