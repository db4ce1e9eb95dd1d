import Crypto
import Foundation

/// An OpenSSH public key that is allowed to sign, as found in `authorized_keys` or a `.pub` file.
///
/// Parsing validates the key completely (algorithm, sizes, curve point, RSA
/// strength), so an `SSHPublicKey` value is always usable for verification.
/// Two keys are equal when their wire blobs are equal; comments are ignored.
public struct SSHPublicKey: Sendable {
  /// The longest key line accepted; a 16384-bit RSA key needs about 3 KiB.
  public static let maximumLineLength = 16 * 1024
  /// The longest wire blob accepted.
  public static let maximumBlobLength = 8 * 1024

  /// The key type.
  public let algorithm: SSHKeyAlgorithm
  /// The key in SSH wire format, exactly as it was decoded.
  public let wireBlob: [UInt8]
  /// The free-text comment after the key data, often `user@host`; may be empty.
  public let comment: String
  let material: SSHKeyMaterial

  /// Parses a line such as `ssh-ed25519 AAAAC3Nza... alice@laptop`.
  ///
  /// Leading and trailing whitespace is ignored. Everything after the
  /// base64 data is the comment.
  public init(parsing line: some StringProtocol) throws(SSHPublicKeyError) {
    guard line.utf8.count <= Self.maximumLineLength else {
      throw .tooLong(limit: Self.maximumLineLength)
    }
    var fields = KeyLineFields(line)
    guard let typeName = fields.next() else { throw .empty }
    guard let algorithm = SSHKeyAlgorithm(rawValue: String(typeName)) else {
      throw .unknownAlgorithm(SSHPublicKeyError.displayName(typeName.utf8))
    }
    guard let encoded = fields.next() else { throw .missingKeyData }
    guard let blob = SSHBase64.decode(encoded) else { throw .notBase64 }
    try self.init(wireBlob: blob, comment: fields.rest, declaredAlgorithm: algorithm)
  }

  /// Parses a key from its SSH wire-format blob, as embedded in signatures.
  public init(wireBlob: some Collection<UInt8>, comment: String = "") throws(SSHPublicKeyError) {
    try self.init(wireBlob: Array(wireBlob), comment: comment, declaredAlgorithm: nil)
  }

  private init(
    wireBlob blob: [UInt8], comment: String, declaredAlgorithm: SSHKeyAlgorithm?
  ) throws(SSHPublicKeyError) {
    guard blob.count <= Self.maximumBlobLength else {
      throw .tooLong(limit: Self.maximumBlobLength)
    }
    var reader = SSHWireReader(blob)
    let algorithm = try Self.readAlgorithm(from: &reader, declared: declaredAlgorithm)
    material = try SSHKeyMaterial.read(algorithm, from: &reader)
    guard reader.isAtEnd else { throw .trailingData }
    self.algorithm = algorithm
    self.wireBlob = blob
    self.comment = comment
  }

  /// Reads the algorithm name that opens every key blob and checks it against the line.
  private static func readAlgorithm(
    from reader: inout SSHWireReader, declared: SSHKeyAlgorithm?
  ) throws(SSHPublicKeyError) -> SSHKeyAlgorithm {
    let name: [UInt8]
    do {
      name = try reader.readString()
    } catch {
      throw SSHPublicKeyError(wire: error)
    }
    let algorithm = String(validating: name, as: UTF8.self).flatMap(SSHKeyAlgorithm.init)
    if let declared, algorithm != declared {
      throw .algorithmMismatch(
        declared: declared.rawValue, embedded: SSHPublicKeyError.displayName(name))
    }
    guard let algorithm else { throw .unknownAlgorithm(SSHPublicKeyError.displayName(name)) }
    return algorithm
  }

  /// The SHA-256 fingerprint exactly as `ssh-keygen -l` prints it, e.g. `SHA256:uNiVz...`.
  public var fingerprint: String {
    "SHA256:" + SSHBase64.encodeUnpadded(Array(SHA256.hash(data: wireBlob)))
  }

  /// The key size in bits, as `ssh-keygen -l` reports it.
  public var bitCount: Int { material.bitCount }

  /// The key as one `authorized_keys` line: type, base64 blob and, if any, the comment.
  public var authorizedKeyLine: String {
    let base = "\(algorithm.rawValue) \(SSHBase64.encode(wireBlob))"
    return comment.isEmpty ? base : "\(base) \(comment)"
  }
}

extension SSHPublicKey: Hashable {
  public static func == (lhs: SSHPublicKey, rhs: SSHPublicKey) -> Bool {
    lhs.wireBlob == rhs.wireBlob
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(wireBlob)
  }
}

extension SSHPublicKey: CustomStringConvertible {
  public var description: String { authorizedKeyLine }
}

/// Splits a key line into whitespace-separated fields, keeping the remainder whole.
private struct KeyLineFields {
  private var remainder: Substring

  init(_ line: some StringProtocol) {
    remainder = Substring(line)
  }

  /// The next field, or nil when only whitespace is left.
  mutating func next() -> Substring? {
    remainder = remainder.drop(while: \.isWhitespace)
    guard !remainder.isEmpty else { return nil }
    let field = remainder.prefix(while: { !$0.isWhitespace })
    remainder = remainder[field.endIndex...]
    return field
  }

  /// Everything not yet returned, trimmed of surrounding whitespace.
  var rest: String {
    remainder.trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
