import Foundation

/// A moment given on the command line: a day (`2026-11-20`, the whole day in UTC), a time
/// (`2026-11-20T10:00:00Z`, `2026-11-20T10:00:00+01:00`) or seconds since 1970 (`@1700000000`).
struct DateArgument: Sendable, Equatable, CustomStringConvertible {
  /// The first instant the argument covers.
  var start: Date
  /// The last instant it covers: the end of the day for a day, the moment itself otherwise.
  var end: Date
  var description: String

  init?(_ text: String) {
    description = text
    if text.hasPrefix("@"), let seconds = Int(text.dropFirst()) {
      start = Date(timeIntervalSince1970: TimeInterval(seconds))
      end = start
      return
    }
    if let day = Self.day(text) {
      start = day
      end = day.addingTimeInterval(86_400 - 0.001)
      return
    }
    for options: ISO8601DateFormatter.Options in [
      [.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds],
    ] {
      let formatter = ISO8601DateFormatter()
      formatter.formatOptions = options
      if let date = formatter.date(from: text) {
        start = date
        end = date
        return
      }
    }
    return nil
  }

  /// Whether the text looks like a date rather than a revision.
  static func looksLikeDate(_ text: String) -> Bool {
    DateArgument(text) != nil
  }

  private static func day(_ text: String) -> Date? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let components = DateComponents(year: year, month: month, day: day)
    guard let date = calendar.date(from: components),
      calendar.component(.day, from: date) == day
    else { return nil }
    return date
  }

  static let hint = "a day (2026-11-20), a time (2026-11-20T10:00:00Z) or @SECONDS"
}

/// A length of time such as `14d`, `2w` or `36h`.
struct SpanArgument: Sendable, Equatable {
  var seconds: TimeInterval
  var days: Int { Int((seconds / 86_400).rounded(.up)) }

  init?(_ text: String) {
    guard let unit = text.last, let number = Int(text.dropLast()), number >= 0 else { return nil }
    switch unit {
    case "h": seconds = TimeInterval(number) * 3600
    case "d": seconds = TimeInterval(number) * 86_400
    case "w": seconds = TimeInterval(number) * 604_800
    default: return nil
    }
  }
}
