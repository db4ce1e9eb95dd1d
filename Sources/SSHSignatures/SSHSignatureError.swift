import Foundation

/// Why an armored or binary SSH signature could not be parsed.
public enum SSHSignatureError: Error, Sendable, Hashable {
  /// The armored text is larger than any real signature.
  case tooLarge(limit: Int)
  /// The text does not start with `-----BEGIN SSH SIGNATURE-----`.
  case missingBeginMarker
  /// The text does not end with `-----END SSH SIGNATURE-----`.
  case missingEndMarker
  /// The text between the markers is not valid base64.
  case notBase64
  /// The decoded blob does not start with the `SSHSIG` magic.
  case badMagic
  /// The blob declares a format version other than 1.
  case unsupportedVersion(UInt32)
  /// The blob ends before all of its fields.
  case truncated
  /// The blob has bytes after its last field.
  case trailingData
  /// The embedded signer key is malformed or of an unsupported type.
  case invalidSignerKey(SSHPublicKeyError)
  /// The namespace is not valid UTF-8 text.
  case malformedNamespace
  /// The message hash algorithm is neither `sha256` nor `sha512`.
  case unsupportedHashAlgorithm(String)
  /// The inner signature is not an algorithm name followed by signature bytes.
  case malformedSignatureBlob
}

extension SSHSignatureError: CustomStringConvertible, LocalizedError {
  public var description: String {
    switch self {
    case .tooLarge(let limit):
      "The signature text is longer than \(limit) bytes, far more than a real SSH signature."
    case .missingBeginMarker:
      "The signature does not start with \"-----BEGIN SSH SIGNATURE-----\"."
    case .missingEndMarker:
      "The signature does not end with \"-----END SSH SIGNATURE-----\"."
    case .notBase64:
      "The signature body is not valid base64; it may have been cut or mangled."
    case .badMagic:
      "The signature data does not start with the SSHSIG marker."
    case .unsupportedVersion(let version):
      "The signature uses format version \(version); only version 1 is supported."
    case .truncated:
      "The signature data ends too early; it was probably cut off while copying."
    case .trailingData:
      "The signature data has unexpected bytes after the signature."
    case .invalidSignerKey(let keyError):
      "The signer's key inside the signature is unusable: \(keyError.description)"
    case .malformedNamespace:
      "The signature's namespace is not valid text."
    case .unsupportedHashAlgorithm(let name):
      "The signature hashes the message with \"\(name)\"; only sha256 and sha512 are supported."
    case .malformedSignatureBlob:
      "The signature bytes inside the SSH signature are malformed."
    }
  }

  public var errorDescription: String? { description }
}

extension SSHSignatureError {
  /// Translates a framing error met while reading the SSHSIG blob.
  init(wire error: SSHWireError) {
    switch error {
    case .truncated: self = .truncated
    case .trailingData: self = .trailingData
    case .invalidText: self = .malformedNamespace
    case .negativeInteger: self = .malformedSignatureBlob
    }
  }
}
