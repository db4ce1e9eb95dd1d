/// The SSH public key types that can sign approvals.
///
/// The raw value is the name OpenSSH writes at the start of a key line and
/// inside the key's wire blob.
public enum SSHKeyAlgorithm: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
  /// Ed25519 (`ssh-ed25519`).
  case ed25519 = "ssh-ed25519"
  /// ECDSA over NIST P-256 (`ecdsa-sha2-nistp256`).
  case ecdsaP256 = "ecdsa-sha2-nistp256"
  /// RSA (`ssh-rsa`); signatures must use SHA-256 or SHA-512, not SHA-1.
  case rsa = "ssh-rsa"

  public var description: String { rawValue }
}
