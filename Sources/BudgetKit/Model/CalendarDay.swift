import Foundation

/// A calendar day in UTC, written `YYYY-MM-DD`.
public struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var year: Int
  public var month: Int
  public var day: Int

  /// A real date only: `2026-02-30` and `2026-13-01` are refused.
  public init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year)
    else { return nil }
    (self.year, self.month, self.day) = (year, month, day)
  }

  public init(date: Date) {
    let seconds = date.timeIntervalSince1970
    if seconds >= Self.arithmeticFrom, seconds < Self.arithmeticUntil {
      (year, month, day) = Self.civil(days: Int((seconds / 86_400).rounded(.down)))
      return
    }
    let parts = Self.calendar.dateComponents([.year, .month, .day], from: date)
    (year, month, day) = (parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
  }

  /// From 1583-01-01 to 9999-12-31 UTC a day is worked out by arithmetic, which is what
  /// Foundation's Gregorian calendar gives there (before 1583 it counts Julian days) at a
  /// small part of its cost: a long history names the day of every run.
  static let arithmeticFrom: TimeInterval = -12_212_553_600
  static let arithmeticUntil: TimeInterval = 253_402_300_800

  /// The proleptic Gregorian date `days` days after 1970-01-01 (Howard Hinnant's
  /// `civil_from_days`), exact for any year and needing no calendar object.
  public static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// The current day in UTC, by the system clock.
  public static var today: CalendarDay { CalendarDay(date: Date()) }

  public var description: String {
    String(format: "%04d-%02d-%02d", year, month, day)
  }

  /// The first instant of the day, UTC.
  public var start: Date {
    Self.calendar.date(from: DateComponents(year: year, month: month, day: day)) ?? .distantPast
  }

  /// The first instant after the day, UTC.
  public var end: Date { start.addingTimeInterval(86_400) }

  /// The number of days from this day to another (positive when `other` is later).
  public func days(to other: CalendarDay) -> Int {
    Int(((other.start.timeIntervalSince(start)) / 86_400).rounded())
  }

  public func adding(days: Int) -> CalendarDay {
    CalendarDay(date: start.addingTimeInterval(Double(days) * 86_400))
  }

  public static func < (lhs: Self, rhs: Self) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  static let calendar: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar
  }()

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}
