import Foundation

/// Base64 helpers with the exact conventions OpenSSH uses.
enum SSHBase64 {
  /// Decodes padded base64 with no whitespace, or returns nil.
  static func decode(_ text: some StringProtocol) -> [UInt8]? {
    guard let data = Data(base64Encoded: String(text)) else { return nil }
    return Array(data)
  }

  /// Encodes bytes as padded base64 on one line.
  static func encode(_ bytes: some Collection<UInt8>) -> String {
    Data(bytes).base64EncodedString()
  }

  /// Encodes bytes as base64 without `=` padding, as in SSH fingerprints.
  static func encodeUnpadded(_ bytes: some Collection<UInt8>) -> String {
    var text = encode(bytes)
    while text.hasSuffix("=") { text.removeLast() }
    return text
  }
}
