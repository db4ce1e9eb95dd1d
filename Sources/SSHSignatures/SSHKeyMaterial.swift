import Crypto
import _CryptoExtras

/// The validated cryptographic key behind an ``SSHPublicKey``.
///
/// Building the platform key object while parsing means a key that was
/// accepted can always be used for verification later.
enum SSHKeyMaterial: Sendable {
  case ed25519(Curve25519.Signing.PublicKey)
  case ecdsaP256(P256.Signing.PublicKey)
  case rsa(_RSA.Signing.PublicKey, modulusBits: Int)

  static let ed25519KeyLength = 32
  static let p256PointLength = 65
  static let minimumRSABits = 2048
  // OpenSSH refuses larger moduli too, so nothing legitimate is lost.
  static let maximumRSABits = 16384

  /// The size of the key in bits, as `ssh-keygen -l` reports it.
  var bitCount: Int {
    switch self {
    case .ed25519, .ecdsaP256: 256
    case .rsa(_, let bits): bits
    }
  }

  /// Reads and validates the fields that follow the algorithm name in a key blob.
  static func read(
    _ algorithm: SSHKeyAlgorithm, from reader: inout SSHWireReader
  ) throws(SSHPublicKeyError) -> SSHKeyMaterial {
    switch algorithm {
    case .ed25519: try readEd25519(from: &reader)
    case .ecdsaP256: try readP256(from: &reader)
    case .rsa: try readRSA(from: &reader)
    }
  }

  private static func readEd25519(
    from reader: inout SSHWireReader
  ) throws(SSHPublicKeyError) -> SSHKeyMaterial {
    let raw = try wire { () throws(SSHWireError) in try reader.readString() }
    guard raw.count == ed25519KeyLength else {
      throw .wrongKeyLength(algorithm: .ed25519, expected: ed25519KeyLength, actual: raw.count)
    }
    guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else {
      throw .wrongKeyLength(algorithm: .ed25519, expected: ed25519KeyLength, actual: raw.count)
    }
    return .ed25519(key)
  }

  private static func readP256(
    from reader: inout SSHWireReader
  ) throws(SSHPublicKeyError) -> SSHKeyMaterial {
    let (curve, point) = try wire { () throws(SSHWireError) in
      (try reader.readString(), try reader.readString())
    }
    guard curve == Array("nistp256".utf8) else {
      throw .unsupportedCurve(SSHPublicKeyError.displayName(curve))
    }
    // Only the uncompressed form (0x04 || x || y) is what OpenSSH emits.
    guard point.count == p256PointLength, point.first == 0x04,
      let key = try? P256.Signing.PublicKey(x963Representation: point)
    else { throw .invalidCurvePoint }
    return .ecdsaP256(key)
  }

  private static func readRSA(
    from reader: inout SSHWireReader
  ) throws(SSHPublicKeyError) -> SSHKeyMaterial {
    let (exponentField, modulusField) = try wire { () throws(SSHWireError) in
      (try reader.readString(), try reader.readString())
    }
    guard let exponent = magnitude(ofMPInt: exponentField), exponent.count <= 4,
      let lowByte = exponent.last, lowByte & 1 == 1, exponent != [1]
    else { throw .invalidRSAExponent }
    guard let modulus = magnitude(ofMPInt: modulusField), let top = modulus.first,
      modulus.last.map({ $0 & 1 == 1 }) == true
    else { throw .invalidRSAModulus }
    let bits = (modulus.count - 1) * 8 + (8 - top.leadingZeroBitCount)
    guard bits >= minimumRSABits else { throw .weakRSAKey(bits: bits) }
    guard bits <= maximumRSABits,
      let key = try? _RSA.Signing.PublicKey(n: modulus, e: exponent)
    else { throw .invalidRSAModulus }
    return .rsa(key, modulusBits: bits)
  }

  /// Strips an mpint's leading zeros, or returns nil if it is negative.
  private static func magnitude(ofMPInt raw: [UInt8]) -> [UInt8]? {
    if let first = raw.first, first & 0x80 != 0 { return nil }
    return Array(raw.drop { $0 == 0 })
  }

  /// Runs wire reads, reporting framing errors as key errors.
  private static func wire<Value>(
    _ body: () throws(SSHWireError) -> Value
  ) throws(SSHPublicKeyError) -> Value {
    do {
      return try body()
    } catch {
      throw SSHPublicKeyError(wire: error)
    }
  }
}
