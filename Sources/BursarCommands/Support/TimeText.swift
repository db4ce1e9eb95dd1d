import BudgetKit
import Foundation
import Ledger

/// Dates as bursar prints them.
enum TimeText {
  /// `2026-11-20T10:00:00+01:00`: the time in its own zone, as `git log --format=%aI`.
  static func iso(_ moment: CommitTime) -> String {
    let seconds =
      Int(moment.time.timeIntervalSince1970.rounded(.down)) + moment.offsetMinutes * 60
    let offset = abs(moment.offsetMinutes)
    let zone = (moment.offsetMinutes < 0 ? "-" : "+") + two(offset / 60) + ":" + two(offset % 60)
    return civil(seconds) + zone
  }

  /// `2026-11-20`: the day in its own zone.
  static func day(_ moment: CommitTime) -> String {
    String(iso(moment).prefix(10))
  }

  /// `2026-11-20T09:00:00Z`.
  static func utcISO(_ date: Date) -> String {
    civil(Int(date.timeIntervalSince1970.rounded(.down))) + "Z"
  }

  /// `YYYY-MM-DDTHH:MM:SS` for seconds since 1970 in UTC, in the proleptic Gregorian
  /// calendar (`CalendarDay.civil(days:)`).
  static func civil(_ seconds: Int) -> String {
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let secondOfDay = seconds - days * 86_400
    let (year, month, day) = CalendarDay.civil(days: days)
    let yearText = year >= 0 ? four(year) : "-" + four(-year)
    return yearText + "-" + two(month) + "-" + two(day) + "T" + two(secondOfDay / 3600) + ":"
      + two(secondOfDay % 3600 / 60) + ":" + two(secondOfDay % 60)
  }

  private static func two(_ value: Int) -> String {
    value < 10 ? "0\(value)" : "\(value)"
  }

  private static func four(_ value: Int) -> String {
    String(repeating: "0", count: max(0, 4 - "\(value)".count)) + "\(value)"
  }
}
