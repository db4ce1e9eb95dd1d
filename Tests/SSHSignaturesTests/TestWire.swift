import Foundation

/// Minimal SSH wire-format helpers for building hostile or hand-made test inputs.
enum TestWire {
  static func uint32(_ value: Int) -> [UInt8] {
    [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) }
  }

  static func string(_ bytes: [UInt8]) -> [UInt8] {
    uint32(bytes.count) + bytes
  }

  static func string(_ text: String) -> [UInt8] {
    string(Array(text.utf8))
  }

  /// Splits a buffer into its top-level `string` fields.
  static func strings(in bytes: [UInt8]) -> [[UInt8]] {
    var fields: [[UInt8]] = []
    var offset = 0
    while offset + 4 <= bytes.count {
      let length = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
      guard offset + 4 + length <= bytes.count else { break }
      fields.append(Array(bytes[offset + 4..<offset + 4 + length]))
      offset += 4 + length
    }
    return fields
  }

  /// Armors a blob the way `ssh-keygen` does, for blobs the parser would refuse to armor.
  static func armor(_ blob: [UInt8]) -> String {
    var body = Substring(Data(blob).base64EncodedString())
    var lines = ["-----BEGIN SSH SIGNATURE-----"]
    while !body.isEmpty {
      lines.append(String(body.prefix(70)))
      body = body.dropFirst(70)
    }
    return (lines + ["-----END SSH SIGNATURE-----"]).joined(separator: "\n") + "\n"
  }

  /// The base64 key data of a `.pub` line, decoded.
  static func blob(ofKeyLine line: String) -> [UInt8] {
    let fields = line.split(separator: " ")
    return Array(Data(base64Encoded: String(fields[1])) ?? Data())
  }

  /// A key line with the given type name and blob.
  static func keyLine(_ type: String, _ blob: [UInt8], comment: String = "") -> String {
    "\(type) \(Data(blob).base64EncodedString()) \(comment)"
  }
}
