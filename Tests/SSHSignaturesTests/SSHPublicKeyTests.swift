import Foundation
import SSHSignatures
import TestSupport
import Testing

@Suite("SSHPublicKey parsing")
struct SSHPublicKeyTests {
  @Test(
    "Keys from ssh-keygen parse with its fingerprint and size", arguments: SSHKeyAlgorithm.allCases)
  func parsesGeneratedKeys(algorithm: SSHKeyAlgorithm) throws {
    let key = try KeyFixtures.load().signer(algorithm)
    let listing = try runSucceeding("ssh-keygen", ["-l", "-f", key.publicKeyPath], cwd: "/")
      .stdoutText
    // ssh-keygen -l prints "BITS SHA256:... COMMENT (TYPE)".
    let fields = listing.split(separator: " ")
    try #require(fields.count >= 2)
    #expect(key.publicKey.fingerprint == String(fields[1]))
    #expect(key.publicKey.bitCount == Int(fields[0]))
    #expect(key.publicKey.algorithm == algorithm)
    #expect(key.publicKey.comment == "\(algorithm.rawValue)-signer@test")
    #expect(key.publicKey.authorizedKeyLine == key.publicKeyLine)
    #expect(key.publicKey.wireBlob == TestWire.blob(ofKeyLine: key.publicKeyLine))
  }

  @Test("Equality compares key material, not comments", arguments: SSHKeyAlgorithm.allCases)
  func equalityIgnoresComments(algorithm: SSHKeyAlgorithm) throws {
    let fixtures = try KeyFixtures.load()
    let line = fixtures.signer(algorithm).publicKeyLine
    let parts = line.split(separator: " ")
    let bare = try SSHPublicKey(parsing: "\(parts[0]) \(parts[1])")
    let renamed = try SSHPublicKey(parsing: "  \(parts[0])\t\(parts[1])  someone else \n")
    #expect(bare == fixtures.signer(algorithm).publicKey)
    #expect(renamed == bare)
    #expect(renamed.comment == "someone else")
    #expect(bare.comment.isEmpty)
    #expect(Set([bare, renamed]).count == 1)
    #expect(bare != fixtures.other(algorithm).publicKey)
    #expect(try SSHPublicKey(wireBlob: bare.wireBlob) == bare)
  }

  @Test("Line-level problems give typed errors")
  func lineErrors() throws {
    let line = try KeyFixtures.load().signer(.ed25519).publicKeyLine
    let data = String(line.split(separator: " ")[1])
    #expect(throws: SSHPublicKeyError.empty) { try SSHPublicKey(parsing: "  \n") }
    #expect(throws: SSHPublicKeyError.missingKeyData) { try SSHPublicKey(parsing: "ssh-ed25519") }
    #expect(throws: SSHPublicKeyError.unknownAlgorithm("ssh-dss")) {
      try SSHPublicKey(parsing: "ssh-dss \(data)")
    }
    #expect(throws: SSHPublicKeyError.notBase64) { try SSHPublicKey(parsing: "ssh-ed25519 !!!!") }
    #expect(throws: SSHPublicKeyError.notBase64) {
      try SSHPublicKey(parsing: "ssh-ed25519 \(data.dropLast())")
    }
    #expect(throws: SSHPublicKeyError.truncatedBlob) {
      try SSHPublicKey(parsing: "ssh-ed25519 \(data.dropLast(4))")
    }
    let long = "ssh-ed25519 " + String(repeating: "A", count: SSHPublicKey.maximumLineLength)
    #expect(throws: SSHPublicKeyError.tooLong(limit: SSHPublicKey.maximumLineLength)) {
      try SSHPublicKey(parsing: long)
    }
  }

  @Test("A type prefix that disagrees with the key data is refused")
  func algorithmMismatch() throws {
    let line = try KeyFixtures.load().signer(.ed25519).publicKeyLine
    let swapped = line.replacingOccurrences(of: "ssh-ed25519", with: "ecdsa-sha2-nistp256")
    #expect(
      throws: SSHPublicKeyError.algorithmMismatch(
        declared: "ecdsa-sha2-nistp256", embedded: "ssh-ed25519")
    ) { try SSHPublicKey(parsing: swapped) }
  }

  @Test("Ed25519 keys must be exactly 32 bytes", arguments: [0, 31, 33, 64])
  func ed25519Length(length: Int) {
    let blob =
      TestWire.string("ssh-ed25519") + TestWire.string([UInt8](repeating: 7, count: length))
    #expect(
      throws: SSHPublicKeyError.wrongKeyLength(algorithm: .ed25519, expected: 32, actual: length)
    ) { try SSHPublicKey(parsing: TestWire.keyLine("ssh-ed25519", blob)) }
  }

  @Test("Trailing bytes after a key are refused")
  func trailingData() throws {
    let key = try KeyFixtures.load().signer(.ed25519).publicKey
    #expect(throws: SSHPublicKeyError.trailingData) {
      try SSHPublicKey(wireBlob: key.wireBlob + [0])
    }
  }

  @Test("ECDSA keys need the nistp256 curve and a valid uncompressed point")
  func ecdsaValidation() throws {
    let key = try KeyFixtures.load().signer(.ecdsaP256).publicKey
    let point = TestWire.strings(in: key.wireBlob)[2]
    let type = TestWire.string("ecdsa-sha2-nistp256")
    let wrongCurve = type + TestWire.string("nistp384") + TestWire.string(point)
    #expect(throws: SSHPublicKeyError.unsupportedCurve("nistp384")) {
      try SSHPublicKey(wireBlob: wrongCurve)
    }
    var offCurve = point
    offCurve[64] ^= 0x01
    let compressed = [0x02 | (point[64] & 1)] + point[1...32]
    let zero = [0x04] + [UInt8](repeating: 0, count: 64)
    for bad in [offCurve, Array(compressed), zero, Array(point.prefix(64))] {
      #expect(throws: SSHPublicKeyError.invalidCurvePoint) {
        try SSHPublicKey(wireBlob: type + TestWire.string("nistp256") + TestWire.string(bad))
      }
    }
  }

  @Test("RSA keys need a sane exponent and at least 2048 bits")
  func rsaValidation() throws {
    let fixtures = try KeyFixtures.load()
    let weak = try #require(
      throws: SSHPublicKeyError.self,
      performing: {
        _ = try KeyFixtures.generate(.rsa, named: "rsa-1024", in: fixtures.folder, bits: 1024)
      })
    #expect(weak == .weakRSAKey(bits: 1024))
    let fields = TestWire.strings(in: fixtures.signer(.rsa).publicKey.wireBlob)
    let type = TestWire.string("ssh-rsa")
    let modulus = TestWire.string(fields[2])
    for exponent: [UInt8] in [[], [1], [0x01, 0x00, 0x00], [0x01, 0, 0, 0, 1], [0x81]] {
      #expect(throws: SSHPublicKeyError.invalidRSAExponent) {
        try SSHPublicKey(wireBlob: type + TestWire.string(exponent) + modulus)
      }
    }
    var evenModulus = fields[2]
    evenModulus[evenModulus.count - 1] &= 0xFE
    #expect(throws: SSHPublicKeyError.invalidRSAModulus) {
      try SSHPublicKey(wireBlob: type + TestWire.string(fields[1]) + TestWire.string(evenModulus))
    }
  }

  @Test("Random key data gives a typed error, never a crash")
  func randomBlobs() {
    var generator = SeededGenerator(seed: 42)
    for length in 0..<200 {
      let random = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
      #expect(throws: SSHPublicKeyError.self) {
        try SSHPublicKey(parsing: TestWire.keyLine("ssh-ed25519", random))
      }
      #expect(throws: SSHPublicKeyError.self) { try SSHPublicKey(wireBlob: random) }
    }
  }

  @Test("Errors read as sentences")
  func errorDescriptions() {
    let error = SSHPublicKeyError.weakRSAKey(bits: 1024)
    #expect(error.description == "The RSA key has 1024 bits; at least 2048 bits are required.")
    #expect(error.localizedDescription == error.description)
  }
}
