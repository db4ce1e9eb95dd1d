import Foundation
import GitKit

/// Dates as bursar prints them.
enum TimeText {
  private static let utc: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar
  }()

  /// `2026-11-20T10:00:00+01:00`: the signature's time in its own zone, as `git log --format=%aI`.
  static func iso(_ signature: Signature) -> String {
    let shifted = signature.time.addingTimeInterval(TimeInterval(signature.offsetMinutes * 60))
    let parts = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: shifted)
    let offset = abs(signature.offsetMinutes)
    let zone =
      (signature.offsetMinutes < 0 ? "-" : "+")
      + String(format: "%02d:%02d", offset / 60, offset % 60)
    return String(
      format: "%04d-%02d-%02dT%02d:%02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
      parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0) + zone
  }

  /// `2026-11-20`: the day of the signature in its own zone.
  static func day(_ signature: Signature) -> String {
    String(iso(signature).prefix(10))
  }

  /// `2026-11-20T09:00:00Z`.
  static func utcISO(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
  }
}
