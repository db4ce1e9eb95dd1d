import Foundation

/// An OpenSSH signature in the SSHSIG format, as made by `ssh-keygen -Y sign`.
///
/// Parsing checks the structure and the embedded signer key; it does not
/// say anything about who signed what. Use
/// ``verify(message:namespace:by:)`` or ``validate(message:namespace:by:)``
/// with the key you trust to decide whether the signature vouches for a message.
/// The format is described in OpenSSH's `PROTOCOL.sshsig`.
public struct SSHSignature: Sendable, Hashable {
  /// The largest armored text accepted; real signatures are under 3 KiB.
  public static let maximumArmoredLength = 64 * 1024
  static let magic = Array("SSHSIG".utf8)
  static let version: UInt32 = 1

  /// The key that made the signature, as embedded in it.
  ///
  /// Anyone can embed any key: compare it with a trusted key, never trust it alone.
  public let signer: SSHPublicKey
  /// The purpose the signature was made for, such as `bursar-approval`.
  public let namespace: String
  /// The hash applied to the message before signing.
  public let hashAlgorithm: SSHSignatureHashAlgorithm
  /// The decoded SSHSIG blob.
  public let blob: [UInt8]
  let reserved: [UInt8]
  let inner: SSHInnerSignature

  /// Parses the armored text printed by `ssh-keygen -Y sign`.
  public init(armored text: some StringProtocol) throws(SSHSignatureError) {
    try self.init(blob: SSHSignatureArmor.decode(text, limit: Self.maximumArmoredLength))
  }

  /// Parses a binary SSHSIG blob.
  public init(blob: some Collection<UInt8>) throws(SSHSignatureError) {
    let bytes = Array(blob)
    guard bytes.count <= Self.maximumArmoredLength else {
      throw .tooLarge(limit: Self.maximumArmoredLength)
    }
    let fields = try Fields(bytes)
    do {
      signer = try SSHPublicKey(wireBlob: fields.publicKey)
    } catch {
      throw .invalidSignerKey(error)
    }
    // OpenSSH reads the namespace as a C string, so a NUL would hide a suffix.
    guard !fields.namespace.contains(0),
      let namespace = String(validating: fields.namespace, as: UTF8.self)
    else { throw .malformedNamespace }
    guard let hashName = String(validating: fields.hashAlgorithm, as: UTF8.self),
      let hashAlgorithm = SSHSignatureHashAlgorithm(rawValue: hashName)
    else {
      throw .unsupportedHashAlgorithm(SSHPublicKeyError.displayName(fields.hashAlgorithm))
    }
    self.namespace = namespace
    self.hashAlgorithm = hashAlgorithm
    self.reserved = fields.reserved
    self.inner = try SSHInnerSignature(blob: fields.signature)
    self.blob = bytes
  }

  /// The signature in the armored text form `ssh-keygen` prints.
  public var armored: String { SSHSignatureArmor.encode(blob) }

  /// The inner signature algorithm, such as `ssh-ed25519` or `rsa-sha2-512`.
  public var signatureAlgorithm: String { inner.algorithmName }

  /// Whether this signature was made by `key` over `message` for `namespace`.
  public func verify(
    message: some DataProtocol, namespace: String, by key: SSHPublicKey
  ) -> Bool {
    do {
      try validate(message: message, namespace: namespace, by: key)
      return true
    } catch {
      return false
    }
  }

  /// Checks that this signature was made by `key` over `message` for `namespace`.
  ///
  /// - Throws: The first reason the signature does not vouch for the message.
  public func validate(
    message: some DataProtocol, namespace expected: String, by key: SSHPublicKey
  ) throws(SSHVerificationError) {
    guard signer == key else {
      throw .keyMismatch(expected: key.fingerprint, actual: signer.fingerprint)
    }
    // Compare bytes: String equality would treat different Unicode spellings as equal.
    guard namespace.utf8.elementsEqual(expected.utf8) else {
      throw .namespaceMismatch(expected: expected, actual: namespace)
    }
    try inner.verify(signedData(for: message), by: signer)
  }

  /// The bytes the signer's key actually signs, per `PROTOCOL.sshsig`.
  func signedData(for message: some DataProtocol) -> [UInt8] {
    var writer = SSHWireWriter()
    writer.writeRaw(Self.magic)
    writer.writeString(namespace)
    writer.writeString(reserved)
    writer.writeString(hashAlgorithm.rawValue)
    writer.writeString(hashAlgorithm.digest(of: message))
    return writer.bytes
  }
}

extension SSHSignature {
  /// The raw fields of an SSHSIG blob, before any of them is interpreted.
  private struct Fields {
    var version: UInt32 = 0
    var publicKey: [UInt8] = []
    var namespace: [UInt8] = []
    var reserved: [UInt8] = []
    var hashAlgorithm: [UInt8] = []
    var signature: [UInt8] = []

    init(_ bytes: [UInt8]) throws(SSHSignatureError) {
      // Check magic and version before the rest, so that unrelated data and
      // future formats are reported as such rather than as corrupt fields.
      var header = SSHWireReader(bytes.prefix(SSHSignature.magic.count + 4))
      guard let magic = try? header.readBytes(SSHSignature.magic.count),
        magic == SSHSignature.magic
      else { throw .badMagic }
      guard let version = try? header.readUInt32() else { throw .truncated }
      guard version == SSHSignature.version else { throw .unsupportedVersion(version) }
      self = try SSHWireReader.parse(bytes, mapError: SSHSignatureError.init(wire:)) {
        reader throws(SSHWireError) in
        var fields = Fields()
        _ = try reader.readBytes(SSHSignature.magic.count)
        fields.version = try reader.readUInt32()
        fields.publicKey = try reader.readString()
        fields.namespace = try reader.readString()
        fields.reserved = try reader.readString()
        fields.hashAlgorithm = try reader.readString()
        fields.signature = try reader.readString()
        return fields
      }
    }

    private init() {}
  }
}
