/// A recorded run's id: 32 lowercase hexadecimal digits of the SHA-256 of its content, so
/// identical runs share an id and the id names the file the run is stored in.
public struct RunID: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// How many hexadecimal digits an id has.
  public static let length = 32

  public let rawValue: String

  /// An id as written; nil unless it is 32 lowercase hexadecimal digits.
  public init?(_ text: String) {
    guard text.utf8.count == Self.length,
      text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) })
    else { return nil }
    rawValue = text
  }

  init(unchecked text: String) { rawValue = text }

  public var description: String { rawValue }

  public static func < (lhs: RunID, rhs: RunID) -> Bool { lhs.rawValue < rhs.rawValue }
}
