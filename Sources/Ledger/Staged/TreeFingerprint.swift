import Crypto
import GitKit

/// The identity of a `.budgets/` tree as a list of files: each path, mode and blob id. The same
/// files give the same fingerprint whether they were listed from a commit or from the index, so
/// a tree validated while staged is recognised once it is committed.
public struct TreeFingerprint: Hashable, Sendable, CustomStringConvertible {
  public let hex: String

  public init?(hex: String) {
    guard hex.utf8.count == 64, hex.utf8.allSatisfy(Self.isHexDigit) else { return nil }
    self.hex = hex
  }

  /// The fingerprint of entries listed under the budgets folder (paths relative to it).
  public init(entries: [TreeEntry]) {
    var hasher = SHA256()
    for entry in entries.sorted(by: { Array($0.path.utf8).lexicographicallyPrecedes($1.path.utf8) })
    {
      hasher.update(data: Array("\(String(entry.mode, radix: 8)) \(entry.id.hex) ".utf8))
      hasher.update(data: Array(entry.path.utf8) + [0])
    }
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    for byte in hasher.finalize() {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0xf)])
    }
    self.hex = String(decoding: text, as: UTF8.self)
  }

  public var description: String { hex }

  private static func isHexDigit(_ byte: UInt8) -> Bool {
    (byte >= 48 && byte <= 57) || (byte >= 97 && byte <= 102)
  }
}
