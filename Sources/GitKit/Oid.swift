import CGit2

/// The id of a git object: 20 bytes of SHA-1, written as 40 lowercase hexadecimal digits.
///
/// The bytes are held as three big-endian integers, so libgit2 calls copy them without
/// parsing text, and equality, hashing and order are a few integer operations; the
/// hexadecimal text is made only when asked for.
public struct Oid: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The number of hexadecimal digits in a full id.
  public static let hexLength = 40
  /// The number of bytes in an id.
  public static let byteCount = 20

  /// Bytes 0-7, 8-15 and 16-19 of the id, most significant byte first.
  private let high: UInt64
  private let middle: UInt64
  private let low: UInt32

  /// Parses a full 40-digit hexadecimal id (either case); nil for anything else.
  public init?(hex: String) {
    var text = hex
    guard let parsed = text.withUTF8({ Self.parse(hexDigits: UnsafeRawBufferPointer($0)) })
    else { return nil }
    self = parsed
  }

  /// An id from its 20 bytes, most significant first; nil unless there are exactly 20.
  public init?<Bytes: Collection>(bytes: Bytes) where Bytes.Element == UInt8 {
    guard bytes.count == Self.byteCount else { return nil }
    var high: UInt64 = 0
    var middle: UInt64 = 0
    var low: UInt32 = 0
    for (index, byte) in bytes.enumerated() {
      switch index {
      case 0..<8: high = high << 8 | UInt64(byte)
      case 8..<16: middle = middle << 8 | UInt64(byte)
      default: low = low << 8 | UInt32(byte)
      }
    }
    self.init(high: high, middle: middle, low: low)
  }

  private init(high: UInt64, middle: UInt64, low: UInt32) {
    self.high = high
    self.middle = middle
    self.low = low
  }

  /// Copies an id that libgit2 owns.
  init(_ raw: git_oid) {
    self = withUnsafeBytes(of: raw.id) { Self.load($0) }
  }

  /// Copies an id through a pointer that libgit2 lends.
  init(_ pointer: UnsafePointer<git_oid>) {
    self = Self.load(UnsafeRawBufferPointer(start: pointer, count: Self.byteCount))
  }

  /// Reads an id from 20 raw bytes, such as those after a name in a raw tree.
  init(rawBytes bytes: UnsafeRawBufferPointer) {
    self = Self.load(bytes)
  }

  private static func load(_ bytes: UnsafeRawBufferPointer) -> Oid {
    Oid(
      high: UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
      middle: UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
      low: UInt32(bigEndian: bytes.loadUnaligned(fromByteOffset: 16, as: UInt32.self)))
  }

  /// The id in libgit2's binary form.
  var raw: git_oid {
    var value = git_oid()
    withUnsafeMutableBytes(of: &value.id) { bytes in
      bytes.storeBytes(of: high.bigEndian, toByteOffset: 0, as: UInt64.self)
      bytes.storeBytes(of: middle.bigEndian, toByteOffset: 8, as: UInt64.self)
      bytes.storeBytes(of: low.bigEndian, toByteOffset: 16, as: UInt32.self)
    }
    return value
  }

  /// The 20 bytes of the id, most significant first.
  public var bytes: [UInt8] {
    withUnsafeBytes(of: raw.id) { Array($0) }
  }

  /// The full id in lowercase hexadecimal, made on each call.
  public var hex: String {
    let digits: StaticString = "0123456789abcdef"
    return String(unsafeUninitializedCapacity: Self.hexLength) { text in
      withUnsafeBytes(of: raw.id) { bytes in
        for (index, byte) in bytes.enumerated() {
          text[2 * index] = digits.utf8Start[Int(byte >> 4)]
          text[2 * index + 1] = digits.utf8Start[Int(byte & 0x0f)]
        }
      }
      return Self.hexLength
    }
  }

  /// The first seven digits, as git shows ids in short listings.
  public var abbreviated: String { String(hex.prefix(7)) }

  /// The full hexadecimal id.
  public var description: String { hex }

  /// Orders ids by their bytes, which is also the order of their hexadecimal text.
  public static func < (lhs: Oid, rhs: Oid) -> Bool {
    (lhs.high, lhs.middle, lhs.low) < (rhs.high, rhs.middle, rhs.low)
  }

  /// Parses 40 hexadecimal digits of either case; nil when any is not one.
  static func parse(hexDigits digits: UnsafeRawBufferPointer) -> Oid? {
    guard digits.count == hexLength else { return nil }
    var high: UInt64 = 0
    var middle: UInt64 = 0
    var low: UInt32 = 0
    for index in 0..<hexLength {
      guard let value = hexValue(digits[index]) else { return nil }
      switch index {
      case 0..<16: high = high << 4 | UInt64(value)
      case 16..<32: middle = middle << 4 | UInt64(value)
      default: low = low << 4 | UInt32(value)
      }
    }
    return Oid(high: high, middle: middle, low: low)
  }

  private static func hexValue(_ digit: UInt8) -> UInt8? {
    switch digit {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
    default: return nil
    }
  }
}
