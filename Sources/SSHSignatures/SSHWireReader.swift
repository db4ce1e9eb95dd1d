/// A bounds-checked cursor over SSH wire-format bytes (RFC 4251, section 5).
///
/// Every read checks the remaining length first, so hostile input can only
/// produce an ``SSHWireError``, never an out-of-bounds access or a huge
/// allocation driven by a forged length prefix.
struct SSHWireReader {
  private let bytes: [UInt8]
  private var offset = 0

  init(_ bytes: some Collection<UInt8>) {
    self.bytes = Array(bytes)
  }

  /// Whether every byte has been consumed.
  var isAtEnd: Bool { offset == bytes.count }

  /// Reads exactly `count` raw bytes.
  mutating func readBytes(_ count: Int) throws(SSHWireError) -> [UInt8] {
    guard count >= 0, count <= bytes.count - offset else { throw .truncated }
    defer { offset += count }
    return Array(bytes[offset..<offset + count])
  }

  /// Reads a big-endian `uint32`.
  mutating func readUInt32() throws(SSHWireError) -> UInt32 {
    let raw = try readBytes(4)
    return raw.reduce(0) { ($0 << 8) | UInt32($1) }
  }

  /// Reads a `string`: a `uint32` length followed by that many bytes.
  mutating func readString() throws(SSHWireError) -> [UInt8] {
    let length = try readUInt32()
    // Compare before converting so a forged 4 GiB length fails cheaply.
    guard UInt64(length) <= UInt64(bytes.count - offset) else { throw .truncated }
    return try readBytes(Int(length))
  }

  /// Reads a `string` that must be UTF-8 text without NUL bytes.
  ///
  /// OpenSSH reads these fields as C strings, so an embedded NUL would make
  /// two implementations see different values.
  mutating func readText() throws(SSHWireError) -> String {
    let raw = try readString()
    guard !raw.contains(0), let text = String(validating: raw, as: UTF8.self) else {
      throw .invalidText
    }
    return text
  }

  /// Reads a non-negative `mpint` and returns its magnitude without leading zero bytes.
  mutating func readPositiveMPInt() throws(SSHWireError) -> [UInt8] {
    let raw = try readString()
    if let first = raw.first, first & 0x80 != 0 { throw .negativeInteger }
    return Array(raw.drop { $0 == 0 })
  }

  /// Fails unless every byte has been consumed.
  func expectEnd() throws(SSHWireError) {
    guard isAtEnd else { throw .trailingData }
  }

  /// Reads a whole buffer with `body`, requiring it to consume every byte.
  ///
  /// Framing errors are handed to `transform` so each caller can report
  /// them in its own public error type.
  static func parse<Value, Failure: Error>(
    _ bytes: some Collection<UInt8>,
    mapError transform: (SSHWireError) -> Failure,
    _ body: (inout SSHWireReader) throws(SSHWireError) -> Value
  ) throws(Failure) -> Value {
    var reader = SSHWireReader(bytes)
    do {
      let value = try body(&reader)
      try reader.expectEnd()
      return value
    } catch {
      throw transform(error)
    }
  }
}
