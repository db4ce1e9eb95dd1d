import Crypto
import _CryptoExtras

/// The raw signature inside an SSHSIG blob: an algorithm name and the signature bytes.
///
/// The layout of the bytes depends on the algorithm (RFC 8709 for Ed25519,
/// RFC 5656 for ECDSA, RFC 8332 for RSA).
struct SSHInnerSignature: Sendable, Hashable {
  static let ed25519SignatureLength = 64
  static let p256ScalarLength = 32

  /// The signature algorithm, such as `ssh-ed25519` or `rsa-sha2-512`.
  let algorithmName: String
  /// The algorithm-specific signature bytes.
  let bytes: [UInt8]

  /// Splits the signature field of an SSHSIG blob into name and bytes.
  init(blob: [UInt8]) throws(SSHSignatureError) {
    let (name, bytes) = try SSHWireReader.parse(
      blob, mapError: { _ in SSHSignatureError.malformedSignatureBlob }
    ) {
      reader throws(SSHWireError) in (try reader.readText(), try reader.readString())
    }
    self.algorithmName = name
    self.bytes = bytes
  }

  /// Checks that this signature was made over `signedData` by `key`.
  func verify(_ signedData: [UInt8], by key: SSHPublicKey) throws(SSHVerificationError) {
    let valid: Bool
    switch key.material {
    case .ed25519(let publicKey):
      try requireName(SSHKeyAlgorithm.ed25519.rawValue)
      guard bytes.count == Self.ed25519SignatureLength else { throw .malformedSignature }
      valid = publicKey.isValidSignature(bytes, for: signedData)
    case .ecdsaP256(let publicKey):
      try requireName(SSHKeyAlgorithm.ecdsaP256.rawValue)
      let signature = try p256Signature()
      valid = publicKey.isValidSignature(signature, for: signedData)
    case .rsa(let publicKey, let bits):
      valid = try verifyRSA(signedData, publicKey: publicKey, modulusBytes: (bits + 7) / 8)
    }
    guard valid else { throw .invalidSignature }
  }

  private func requireName(_ expected: String) throws(SSHVerificationError) {
    guard algorithmName == expected else { throw .rejectedSignatureAlgorithm(algorithmName) }
  }

  /// Converts the SSH `mpint r, mpint s` pair into CryptoKit's fixed-width form.
  private func p256Signature() throws(SSHVerificationError) -> P256.Signing.ECDSASignature {
    let (r, s) = try SSHWireReader.parse(
      bytes, mapError: { _ in SSHVerificationError.malformedSignature }
    ) {
      reader throws(SSHWireError) in
      (try reader.readPositiveMPInt(), try reader.readPositiveMPInt())
    }
    let width = Self.p256ScalarLength
    guard !r.isEmpty, !s.isEmpty, r.count <= width, s.count <= width else {
      throw .malformedSignature
    }
    let raw =
      [UInt8](repeating: 0, count: width - r.count) + r
      + [UInt8](repeating: 0, count: width - s.count) + s
    guard let signature = try? P256.Signing.ECDSASignature(rawRepresentation: raw) else {
      throw .malformedSignature
    }
    return signature
  }

  /// Verifies a PKCS#1 v1.5 signature, accepting only the SHA-2 variants.
  private func verifyRSA(
    _ signedData: [UInt8], publicKey: _RSA.Signing.PublicKey, modulusBytes: Int
  ) throws(SSHVerificationError) -> Bool {
    // Some signers drop leading zero bytes; OpenSSH pads them back, so do the same.
    guard !bytes.isEmpty, bytes.count <= modulusBytes else { throw .malformedSignature }
    let padded = [UInt8](repeating: 0, count: modulusBytes - bytes.count) + bytes
    let signature = _RSA.Signing.RSASignature(rawRepresentation: padded)
    switch algorithmName {
    case "rsa-sha2-256":
      return publicKey.isValidSignature(
        signature, for: SHA256.hash(data: signedData), padding: .insecurePKCS1v1_5)
    case "rsa-sha2-512":
      return publicKey.isValidSignature(
        signature, for: SHA512.hash(data: signedData), padding: .insecurePKCS1v1_5)
    default:
      // Includes "ssh-rsa", whose SHA-1 digest is no longer collision resistant.
      throw .rejectedSignatureAlgorithm(algorithmName)
    }
  }
}
