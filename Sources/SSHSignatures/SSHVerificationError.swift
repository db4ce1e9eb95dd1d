import Foundation

/// Why a well-formed SSH signature does not vouch for a message.
public enum SSHVerificationError: Error, Sendable, Hashable {
  /// The signature was made by a different key than the one expected.
  case keyMismatch(expected: String, actual: String)
  /// The signature was made for a different purpose (namespace).
  case namespaceMismatch(expected: String, actual: String)
  /// The inner signature algorithm is not acceptable for the signer's key.
  case rejectedSignatureAlgorithm(String)
  /// The inner signature bytes are malformed for their algorithm.
  case malformedSignature
  /// The signature does not match the message.
  case invalidSignature
}

extension SSHVerificationError: CustomStringConvertible, LocalizedError {
  public var description: String {
    switch self {
    case .keyMismatch(let expected, let actual):
      "The signature was made by key \(actual), not by the expected key \(expected)."
    case .namespaceMismatch(let expected, let actual):
      "The signature was made for namespace \"\(actual)\", not \"\(expected)\"."
    case .rejectedSignatureAlgorithm("ssh-rsa"):
      "The RSA signature uses SHA-1 (ssh-rsa), which is not accepted; "
        + "sign again with a current ssh-keygen, which uses rsa-sha2-512."
    case .rejectedSignatureAlgorithm(let name):
      "The signature algorithm \"\(name)\" cannot be used with the signer's key."
    case .malformedSignature:
      "The signature bytes are malformed for the signer's key type."
    case .invalidSignature:
      "The signature does not match the message; the message or signature was changed."
    }
  }

  public var errorDescription: String? { description }
}
