import Foundation
import Testing

@testable import BudgetKit

/// The day of an instant, worked out by arithmetic where that is what Foundation's Gregorian
/// calendar in UTC says, and by the calendar elsewhere.
@Suite struct CalendarDayTests {
  static let calendar: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar
  }()

  /// What the calendar says, and what the day says, as year, month and day.
  static func byCalendar(_ date: Date) -> [Int] {
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return [parts.year ?? 0, parts.month ?? 0, parts.day ?? 0]
  }

  static func parts(_ day: CalendarDay) -> [Int] { [day.year, day.month, day.day] }

  @Test func agreesWithTheCalendarOnRandomInstants() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<20_000 {
      let seconds = TimeInterval.random(
        in: CalendarDay.arithmeticFrom..<CalendarDay.arithmeticUntil, using: &generator)
      let date = Date(timeIntervalSince1970: seconds)
      #expect(Self.parts(CalendarDay(date: date)) == Self.byCalendar(date), "\(seconds)")
    }
  }

  @Test(arguments: [
    "1583-01-01", "1600-02-29", "1699-12-31", "1900-02-28", "1900-03-01", "1969-12-31",
    "1970-01-01", "2000-02-29", "2024-02-29", "2026-12-31", "2100-03-01", "9999-12-31",
  ])
  func eachSideOfMidnight(day text: String) throws {
    let day = try #require(CalendarDay(text))
    let start = day.start.timeIntervalSince1970
    for offset in [0, 0.001, 43_200, 86_399.999] {
      #expect(CalendarDay(date: Date(timeIntervalSince1970: start + offset)) == day)
    }
    let before = Date(timeIntervalSince1970: start - 0.001)
    #expect(Self.parts(CalendarDay(date: before)) == Self.byCalendar(before))
  }

  @Test func theCalendarAnswersOutsideTheArithmeticRange() {
    for seconds in [
      CalendarDay.arithmeticFrom - 1, CalendarDay.arithmeticFrom - 86_400 * 400,
      CalendarDay.arithmeticUntil, CalendarDay.arithmeticUntil + 86_400 * 40,
    ] {
      let date = Date(timeIntervalSince1970: seconds)
      #expect(Self.parts(CalendarDay(date: date)) == Self.byCalendar(date), "\(seconds)")
    }
  }
}
