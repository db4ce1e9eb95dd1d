import BudgetKit
import Foundation

/// Reads the instants bursar takes: a calendar day (`2026-11-25`, its first instant in UTC) or
/// an RFC 3339 timestamp with its offset (`2026-11-25T10:00:00Z`, `2026-11-25T11:00+01:00`).
///
/// A timestamp without an offset is refused: its day would depend on the machine reading it.
public enum Timestamp {
  public static func parse(_ text: String) -> Date? {
    if let day = CalendarDay(text) { return day.start }
    let parts = text.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count == 2, let day = CalendarDay(String(parts[0])) else { return nil }
    guard let (clock, offset) = splitOffset(parts[1]), let seconds = secondsOfDay(clock) else {
      return nil
    }
    return day.start.addingTimeInterval(seconds - offset)
  }

  /// The time of day and the offset from UTC in seconds.
  private static func splitOffset(_ text: Substring) -> (Substring, Double)? {
    if text.hasSuffix("Z") { return (text.dropLast(), 0) }
    guard let signIndex = text.lastIndex(where: { $0 == "+" || $0 == "-" }) else { return nil }
    let offset = text[text.index(after: signIndex)...].split(
      separator: ":", omittingEmptySubsequences: false)
    guard offset.count == 2, offset.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
      let hours = Int(offset[0]), let minutes = Int(offset[1]), hours < 24, minutes < 60
    else { return nil }
    let sign: Double = text[signIndex] == "-" ? -1 : 1
    return (text[..<signIndex], sign * Double(hours * 3600 + minutes * 60))
  }

  /// `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fff` as seconds since midnight.
  private static func secondsOfDay(_ text: Substring) -> Double? {
    let fields = text.split(separator: ":", omittingEmptySubsequences: false)
    guard fields.count == 2 || fields.count == 3 else { return nil }
    func whole(_ field: Substring, below limit: Int) -> Int? {
      guard field.count == 2, field.allSatisfy({ $0.isASCII && $0.isNumber }),
        let value = Int(field), value < limit
      else { return nil }
      return value
    }
    guard let hours = whole(fields[0], below: 24), let minutes = whole(fields[1], below: 60) else {
      return nil
    }
    var seconds = 0.0
    if fields.count == 3 {
      let secondParts = fields[2].split(
        separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
      guard let whole = whole(secondParts[0], below: 61) else { return nil }
      seconds = Double(whole)
      if secondParts.count == 2 {
        let fraction = secondParts[1]
        guard !fraction.isEmpty, fraction.allSatisfy({ $0.isASCII && $0.isNumber }),
          let value = Double("0." + fraction)
        else { return nil }
        seconds += value
      }
    }
    return Double(hours * 3600 + minutes * 60) + seconds
  }
}
