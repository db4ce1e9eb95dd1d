import Foundation

/// Why a public key line or wire blob was rejected.
public enum SSHPublicKeyError: Error, Sendable, Hashable {
  /// The line holds nothing but whitespace.
  case empty
  /// The line or blob is longer than any supported key can be.
  case tooLong(limit: Int)
  /// The line has a key type but no base64 key data after it.
  case missingKeyData
  /// The key type is not one of ``SSHKeyAlgorithm``.
  case unknownAlgorithm(String)
  /// The key data is not valid base64.
  case notBase64
  /// The decoded blob ends before all of its fields.
  case truncatedBlob
  /// The decoded blob has bytes after its last field.
  case trailingData
  /// A text field inside the blob is not valid UTF-8.
  case malformedText
  /// The type written on the line differs from the type inside the blob.
  case algorithmMismatch(declared: String, embedded: String)
  /// The key material has the wrong size for its algorithm.
  case wrongKeyLength(algorithm: SSHKeyAlgorithm, expected: Int, actual: Int)
  /// An ECDSA key names a curve other than the one its type promises.
  case unsupportedCurve(String)
  /// An ECDSA public point is not an uncompressed point on the curve.
  case invalidCurvePoint
  /// An RSA public exponent is even, below 3, or wider than 32 bits.
  case invalidRSAExponent
  /// An RSA modulus is shorter than 2048 bits.
  case weakRSAKey(bits: Int)
  /// An RSA modulus is malformed (even, or longer than 16384 bits).
  case invalidRSAModulus
}

extension SSHPublicKeyError: CustomStringConvertible, LocalizedError {
  public var description: String {
    switch self {
    case .empty:
      "The public key line is empty."
    case .tooLong(let limit):
      "The public key is longer than \(limit) bytes, more than any supported key needs."
    case .missingKeyData:
      "The public key line has a key type but no base64 key data after it."
    case .unknownAlgorithm(let name):
      "The key type \"\(name)\" is not supported; use ssh-ed25519, ecdsa-sha2-nistp256 or ssh-rsa."
    case .notBase64:
      "The public key data is not valid base64; the line may have been cut or mangled."
    case .truncatedBlob:
      "The public key data ends too early; the key was probably cut off while copying."
    case .trailingData:
      "The public key data has unexpected bytes after the key."
    case .malformedText:
      "The public key data contains a name that is not valid text."
    case .algorithmMismatch(let declared, let embedded):
      "The line says the key is \(declared) but the key data is \(embedded)."
    case .wrongKeyLength(let algorithm, let expected, let actual):
      "The \(algorithm) key is \(actual) bytes long; it must be \(expected) bytes."
    case .unsupportedCurve(let curve):
      "The ECDSA key uses curve \"\(curve)\"; only nistp256 is supported."
    case .invalidCurvePoint:
      "The ECDSA key is not a valid uncompressed point on the P-256 curve."
    case .invalidRSAExponent:
      "The RSA key has an unusable public exponent."
    case .weakRSAKey(let bits):
      "The RSA key has \(bits) bits; at least 2048 bits are required."
    case .invalidRSAModulus:
      "The RSA key has an invalid modulus."
    }
  }

  public var errorDescription: String? { description }
}

extension SSHPublicKeyError {
  /// Translates a framing error met while reading a key blob.
  init(wire error: SSHWireError) {
    switch error {
    case .truncated: self = .truncatedBlob
    case .trailingData: self = .trailingData
    case .invalidText: self = .malformedText
    // Key reads check RSA signs themselves; an mpint is the only source of this.
    case .negativeInteger: self = .invalidRSAModulus
    }
  }

  /// Shortens a name taken from untrusted input before it goes into a message.
  static func displayName(_ raw: some Collection<UInt8>) -> String {
    let text = String(decoding: raw.prefix(64), as: UTF8.self)
    return String(
      text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
  }
}
