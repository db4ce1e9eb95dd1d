import Foundation
import SSHSignatures
import Testing

@Suite("Damaged signatures")
struct SSHSignatureMutationTests {
  static let message = Data("thresholds:\n  startup_ms: 450\n".utf8)
  static let namespace = KeyFixtures.namespace

  static func signedBlob(_ algorithm: SSHKeyAlgorithm) throws -> (TestKey, [UInt8]) {
    let key = try KeyFixtures.load().signer(algorithm)
    let text = try SSHKeygenOracle.sign(message, namespace: namespace, keyFile: key.privateKeyPath)
    return (key, try SSHSignature(armored: text).blob)
  }

  static func scenario(_ name: String, _ blob: [UInt8], _ key: TestKey) -> SignatureScenario {
    SignatureScenario(
      name: name, signature: TestWire.armor(blob), message: message, namespace: namespace,
      trustedKey: key)
  }

  @Test(
    "Bit flips anywhere in the blob fail, as in ssh-keygen", arguments: SSHKeyAlgorithm.allCases)
  func bitFlips(algorithm: SSHKeyAlgorithm) throws {
    let (key, blob) = try Self.signedBlob(algorithm)
    // Every position for short blobs, an even spread for long RSA ones.
    let step = max(1, blob.count / 48)
    // Bytes 6..<10 hold the version. OpenSSH accepts version 0 (it only refuses
    // newer versions); this parser requires exactly 1, so flipping the low
    // bit there is a deliberate difference and is checked separately below.
    let versionBytes = 6..<10
    for position in stride(from: 0, to: blob.count, by: step) {
      for mask: UInt8 in [0x01, 0x80] where !(versionBytes.contains(position) && mask == 0x01) {
        var flipped = blob
        flipped[position] ^= mask
        let scenario = Self.scenario("flip \(mask) at \(position)", flipped, key)
        #expect(try !scenario.expectAgreementWithSSHKeygen(), "\(scenario.name)")
      }
    }
  }

  @Test("Only version 1 is accepted")
  func versions() throws {
    let (_, blob) = try Self.signedBlob(.ed25519)
    for version in [0, 2, 0xFFFF_FFFF] {
      let changed = Array(blob[0..<6]) + TestWire.uint32(version) + blob[10...]
      #expect(throws: SSHSignatureError.unsupportedVersion(UInt32(version))) {
        try SSHSignature(blob: changed)
      }
    }
  }

  @Test("Truncated signatures fail, as in ssh-keygen", arguments: SSHKeyAlgorithm.allCases)
  func truncations(algorithm: SSHKeyAlgorithm) throws {
    let (key, blob) = try Self.signedBlob(algorithm)
    for length in [0, 3, 6, 9, 10, 40, blob.count / 2, blob.count - 4, blob.count - 1] {
      let scenario = Self.scenario("first \(length) bytes", Array(blob.prefix(length)), key)
      #expect(try !scenario.expectAgreementWithSSHKeygen(), "\(scenario.name)")
      #expect(throws: SSHSignatureError.self) { try SSHSignature(blob: blob.prefix(length)) }
    }
    let text = TestWire.armor(blob)
    var lines = text.split(separator: "\n")
    lines.remove(at: lines.count - 2)
    let shortArmour = SignatureScenario(
      name: "armour missing its last base64 line", signature: lines.joined(separator: "\n"),
      message: Self.message, namespace: Self.namespace, trustedKey: key)
    #expect(try !shortArmour.expectAgreementWithSSHKeygen())
  }

  @Test("Extra bytes after the signature are refused, as in ssh-keygen")
  func trailingBytes() throws {
    let (key, blob) = try Self.signedBlob(.ecdsaP256)
    #expect(try !Self.scenario("trailing byte", blob + [0], key).expectAgreementWithSSHKeygen())
    #expect(throws: SSHSignatureError.trailingData) { try SSHSignature(blob: blob + [0]) }
  }

  @Test("Garbage armour gives typed errors and fails in ssh-keygen too")
  func garbageArmour() throws {
    let (key, blob) = try Self.signedBlob(.ed25519)
    let body = Data(blob).base64EncodedString()
    let cases: [(String, SSHSignatureError)] = [
      ("", .missingBeginMarker),
      ("hello", .missingBeginMarker),
      (
        "-----BEGIN PGP SIGNATURE-----\n\(body)\n-----END PGP SIGNATURE-----\n", .missingBeginMarker
      ),
      ("-----BEGIN SSH SIGNATURE-----\n\(body)\n", .missingEndMarker),
      ("-----BEGIN SSH SIGNATURE-----\n#\(body)\n-----END SSH SIGNATURE-----\n", .notBase64),
      ("-----BEGIN SSH SIGNATURE-----\nU1NIU0lH\n-----END SSH SIGNATURE-----\n", .truncated),
      ("-----BEGIN SSH SIGNATURE-----\naGVsbG8gd29ybGQ=\n-----END SSH SIGNATURE-----\n", .badMagic),
      ("-----BEGIN SSH SIGNATURE-----\n-----END SSH SIGNATURE-----\n", .badMagic),
    ]
    for (text, error) in cases {
      #expect(throws: error) { try SSHSignature(armored: text) }
      let scenario = SignatureScenario(
        name: "garbage \(error)", signature: text, message: Self.message,
        namespace: Self.namespace, trustedKey: key)
      #expect(try !scenario.expectAgreementWithSSHKeygen(), "\(scenario.name)")
    }
  }

  @Test("Text after the end marker and oversized input are refused")
  func strictEnvelope() throws {
    let (_, blob) = try Self.signedBlob(.ed25519)
    // OpenSSH ignores anything after the end marker; refusing it keeps stored
    // approvals free of smuggled text.
    #expect(throws: SSHSignatureError.missingEndMarker) {
      try SSHSignature(armored: TestWire.armor(blob) + "extra\n")
    }
    let huge = String(repeating: "A", count: SSHSignature.maximumArmoredLength + 1)
    #expect(throws: SSHSignatureError.tooLarge(limit: SSHSignature.maximumArmoredLength)) {
      try SSHSignature(armored: huge)
    }
  }

  @Test("Embedded keys, hash names and namespaces are validated")
  func fieldValidation() throws {
    let (_, blob) = try Self.signedBlob(.ed25519)
    let fields = TestWire.strings(in: Array(blob[10...]))
    try #require(fields.count == 5)
    func rebuild(_ replace: Int, with value: [UInt8]) -> [UInt8] {
      var copy = fields
      copy[replace] = value
      return Array(blob[0..<10]) + copy.flatMap { TestWire.string($0) }
    }
    let shortKey =
      TestWire.string("ssh-ed25519") + TestWire.string([UInt8](repeating: 1, count: 31))
    #expect(
      throws: SSHSignatureError.invalidSignerKey(
        .wrongKeyLength(algorithm: .ed25519, expected: 32, actual: 31))
    ) { try SSHSignature(blob: rebuild(0, with: shortKey)) }
    #expect(throws: SSHSignatureError.malformedNamespace) {
      try SSHSignature(blob: rebuild(1, with: Array("bursar\0approval".utf8)))
    }
    #expect(throws: SSHSignatureError.unsupportedHashAlgorithm("md5")) {
      try SSHSignature(blob: rebuild(3, with: Array("md5".utf8)))
    }
    #expect(throws: SSHSignatureError.malformedSignatureBlob) {
      try SSHSignature(blob: rebuild(4, with: [0, 0, 0, 9, 1]))
    }
  }
}
