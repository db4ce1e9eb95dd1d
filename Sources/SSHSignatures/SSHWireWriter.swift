/// Builds SSH wire-format bytes, the inverse of ``SSHWireReader``.
struct SSHWireWriter {
  /// The bytes written so far.
  private(set) var bytes: [UInt8] = []

  /// Appends bytes without a length prefix.
  mutating func writeRaw(_ raw: some Sequence<UInt8>) {
    bytes.append(contentsOf: raw)
  }

  /// Appends a big-endian `uint32`.
  mutating func writeUInt32(_ value: UInt32) {
    bytes.append(contentsOf: [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) })
  }

  /// Appends a `string`: a `uint32` length followed by the bytes.
  mutating func writeString(_ value: some Collection<UInt8>) {
    writeUInt32(UInt32(value.count))
    bytes.append(contentsOf: value)
  }

  /// Appends a text `string` as UTF-8.
  mutating func writeString(_ text: String) {
    writeString(Array(text.utf8))
  }
}
