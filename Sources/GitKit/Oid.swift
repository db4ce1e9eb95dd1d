import CGit2

/// The id of a git object: 20 bytes of SHA-1, written as 40 lowercase hexadecimal digits.
public struct Oid: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The number of hexadecimal digits in a full id.
  public static let hexLength = 40

  /// The full id in lowercase hexadecimal.
  public let hex: String

  /// Parses a full 40-digit hexadecimal id (either case); nil for anything else.
  public init?(hex: String) {
    guard hex.utf8.count == Self.hexLength,
      hex.utf8.allSatisfy({ Self.hexValue($0) != nil })
    else { return nil }
    self.hex = hex.lowercased()
  }

  /// An id from 40 lowercase hexadecimal digits the caller has already checked.
  init(lowercaseHex: String) {
    hex = lowercaseHex
  }

  /// Copies an id that libgit2 owns.
  init(_ raw: git_oid) {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(Self.hexLength)
    withUnsafeBytes(of: raw.id) { bytes in
      for byte in bytes {
        text.append(digits[Int(byte >> 4)])
        text.append(digits[Int(byte & 0x0f)])
      }
    }
    hex = String(decoding: text, as: UTF8.self)
  }

  /// Copies an id through a pointer that libgit2 lends.
  init(_ pointer: UnsafePointer<git_oid>) {
    self.init(pointer.pointee)
  }

  /// The id in libgit2's binary form.
  var raw: git_oid {
    var value = git_oid()
    let digits = Array(hex.utf8)
    withUnsafeMutableBytes(of: &value.id) { bytes in
      for index in 0..<bytes.count {
        let high = Self.hexValue(digits[2 * index]) ?? 0
        let low = Self.hexValue(digits[2 * index + 1]) ?? 0
        bytes[index] = high << 4 | low
      }
    }
    return value
  }

  /// The first seven digits, as git shows ids in short listings.
  public var abbreviated: String { String(hex.prefix(7)) }

  /// The full hexadecimal id.
  public var description: String { hex }

  /// Orders ids by their hexadecimal text, which is also their byte order.
  public static func < (lhs: Oid, rhs: Oid) -> Bool { lhs.hex < rhs.hex }

  private static func hexValue(_ digit: UInt8) -> UInt8? {
    switch digit {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
    default: return nil
    }
  }
}
