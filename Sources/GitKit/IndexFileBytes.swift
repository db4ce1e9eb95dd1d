import Foundation

/// The byte-level pieces the persistent index files share (`FirstParentIndex`,
/// `FolderIndex`): little-endian integers, raw ids, an FNV-1a checksum, and saving through a
/// temporary file renamed into place.
enum IndexFileBytes {
  /// FNV-1a, 64 bits.
  static func checksum<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
    return hash
  }

  static func append<Integer: FixedWidthInteger>(_ value: Integer, to bytes: inout [UInt8]) {
    withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
  }

  static func append(_ id: Oid, to bytes: inout [UInt8]) {
    withUnsafeBytes(of: id.raw.id) { bytes += $0 }
  }

  static func load<Integer: FixedWidthInteger>(
    _ type: Integer.Type, _ bytes: UnsafeRawBufferPointer, at offset: Int
  ) -> Integer {
    Integer(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Integer.self))
  }

  static func oid(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Oid {
    Oid(rawBytes: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + 20]))
  }

  /// Hands `read` the body of a file that starts with `magic` and `version` and ends with the
  /// checksum of everything before it, without those; nil when it is not such a file. The body
  /// is lent, not copied.
  static func withBody<T>(
    of data: Data, magic: [UInt8], version: UInt32, _ read: (UnsafeRawBufferPointer) -> T?
  ) -> T? {
    data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> T? in
      let header = magic.count + 4
      guard bytes.count >= header + 8, magic.elementsEqual(bytes[0..<magic.count]),
        load(UInt32.self, bytes, at: magic.count) == version
      else { return nil }
      let end = bytes.count - 8
      guard checksum(bytes[0..<end]) == load(UInt64.self, bytes, at: end) else { return nil }
      return read(UnsafeRawBufferPointer(rebasing: bytes[header..<end]))
    }
  }

  /// A whole file: `magic`, `version`, the body, and the checksum of all of it.
  static func file(magic: [UInt8], version: UInt32, body: [UInt8]) -> Data {
    var bytes = magic
    append(version, to: &bytes)
    bytes += body
    append(checksum(bytes), to: &bytes)
    return Data(bytes)
  }

  /// Writes `data` to a temporary file beside `path` and renames it into place, so a reader
  /// never sees half a file; false when it could not be written (a read-only git directory, a
  /// full disk), which leaves the old file as it was.
  static func save(_ data: Data, to path: String) -> Bool {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      let temporary = folder.appendingPathComponent(
        ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString)"
      )
      try data.write(to: temporary)
      if rename(temporary.path, path) != 0 {
        try? FileManager.default.removeItem(at: temporary)
        return false
      }
      return true
    } catch {
      return false
    }
  }
}
