import Crypto
import Foundation

/// The hash applied to the message before signing, named in the SSHSIG blob.
public enum SSHSignatureHashAlgorithm: String, Sendable, Hashable, CaseIterable,
  CustomStringConvertible
{
  /// SHA-256.
  case sha256
  /// SHA-512, which `ssh-keygen -Y sign` uses by default.
  case sha512

  public var description: String { rawValue }

  /// Hashes the message as the SSHSIG signed data requires.
  func digest(of message: some DataProtocol) -> [UInt8] {
    switch self {
    case .sha256: Array(SHA256.hash(data: message))
    case .sha512: Array(SHA512.hash(data: message))
    }
  }
}
