import Foundation

/// The instants of a recorded run as text: UTC, to the millisecond (`2026-12-01T10:00:00.000Z`).
///
/// Milliseconds are counted as a whole number, so an instant read back writes the same text.
public enum RunTime {
  /// `date` on the millisecond nearest to it.
  public static func rounded(_ date: Date) -> Date {
    Date(timeIntervalSince1970: Double(milliseconds(date)) / 1000)
  }

  public static func text(_ date: Date) -> String {
    let total = milliseconds(date)
    var seconds = total / 1000
    var fraction = total % 1000
    if fraction < 0 {
      fraction += 1000
      seconds -= 1
    }
    let whole = Date(timeIntervalSince1970: Double(seconds)).formatted(style)
    let digits = String(fraction + 1000).dropFirst()
    return whole.dropLast() + "." + digits + "Z"
  }

  public static func parse(_ text: String) -> Date? {
    let bytes = Array(text.utf8)
    // yyyy-mm-ddThh:mm:ss.mmmZ
    guard bytes.count == 24, bytes[19] == UInt8(ascii: "."), bytes[23] == UInt8(ascii: "Z") else {
      return nil
    }
    let digits = bytes[20..<23]
    guard digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
      let fraction = Int(String(decoding: digits, as: UTF8.self)),
      let whole = try? style.parse(String(decoding: bytes[0..<19], as: UTF8.self) + "Z")
    else { return nil }
    let seconds = Int64(whole.timeIntervalSince1970.rounded())
    return Date(timeIntervalSince1970: Double(seconds * 1000 + Int64(fraction)) / 1000)
  }

  private static func milliseconds(_ date: Date) -> Int64 {
    Int64((date.timeIntervalSince1970 * 1000).rounded())
  }

  private static let style = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!)
}
