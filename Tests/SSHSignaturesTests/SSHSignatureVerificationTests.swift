import Foundation
import SSHSignatures
import Testing

@Suite("SSHSignature verification against ssh-keygen")
struct SSHSignatureVerificationTests {
  static let message = Data("budget: p95 latency 120ms -> 130ms\napproved-by: alice\n".utf8)
  static let namespace = KeyFixtures.namespace

  @Test(
    "Signatures from ssh-keygen verify and expose their fields", arguments: SSHKeyAlgorithm.allCases
  )
  func validSignature(algorithm: SSHKeyAlgorithm) throws {
    let key = try KeyFixtures.load().signer(algorithm)
    let text = try SSHKeygenOracle.sign(
      Self.message, namespace: Self.namespace, keyFile: key.privateKeyPath)
    let signature = try SSHSignature(armored: text)
    #expect(signature.signer == key.publicKey)
    #expect(signature.namespace == Self.namespace)
    #expect(signature.hashAlgorithm == .sha512)
    let expectedInner = algorithm == .rsa ? "rsa-sha2-512" : algorithm.rawValue
    #expect(signature.signatureAlgorithm == expectedInner)
    #expect(signature.armored == text)
    #expect(signature.verify(message: Self.message, namespace: Self.namespace, by: key.publicKey))
    #expect(
      signature.verify(message: Array(Self.message), namespace: Self.namespace, by: key.publicKey))
    let scenario = SignatureScenario(
      name: "valid", signature: text, message: Self.message, namespace: Self.namespace,
      trustedKey: key)
    #expect(try scenario.expectAgreementWithSSHKeygen())
  }

  @Test("SHA-256 message hashing verifies too", arguments: SSHKeyAlgorithm.allCases)
  func sha256Hash(algorithm: SSHKeyAlgorithm) throws {
    let key = try KeyFixtures.load().signer(algorithm)
    let text = try SSHKeygenOracle.sign(
      Self.message, namespace: Self.namespace, keyFile: key.privateKeyPath,
      options: ["-O", "hashalg=sha256"])
    #expect(try SSHSignature(armored: text).hashAlgorithm == .sha256)
    let scenario = SignatureScenario(
      name: "sha256", signature: text, message: Self.message, namespace: Self.namespace,
      trustedKey: key)
    #expect(try scenario.expectAgreementWithSSHKeygen())
  }

  @Test("Armour with CRLF line ends and surrounding blank lines still verifies")
  func tolerantArmour() throws {
    let key = try KeyFixtures.load().signer(.ed25519)
    let text = try SSHKeygenOracle.sign(
      Self.message, namespace: Self.namespace, keyFile: key.privateKeyPath)
    // ssh-keygen itself insists on LF; accepting CRLF copies costs nothing,
    // because whitespace is not part of the signed blob.
    for variant in [text.replacingOccurrences(of: "\n", with: "\r\n"), "\n\n  " + text + "\n\n"] {
      let signature = try SSHSignature(armored: variant)
      #expect(signature.verify(message: Self.message, namespace: Self.namespace, by: key.publicKey))
    }
  }

  @Test(
    "Wrong message, namespace or key fail, as in ssh-keygen", arguments: SSHKeyAlgorithm.allCases)
  func rejections(algorithm: SSHKeyAlgorithm) throws {
    let fixtures = try KeyFixtures.load()
    let key = fixtures.signer(algorithm)
    let other = fixtures.other(algorithm)
    let text = try SSHKeygenOracle.sign(
      Self.message, namespace: Self.namespace, keyFile: key.privateKeyPath)
    let byOther = try SSHKeygenOracle.sign(
      Self.message, namespace: Self.namespace, keyFile: other.privateKeyPath)
    var tampered = Self.message
    tampered[tampered.startIndex + 20] ^= 0x01
    let scenarios = [
      SignatureScenario(
        name: "tampered message", signature: text, message: tampered,
        namespace: Self.namespace, trustedKey: key),
      SignatureScenario(
        name: "empty message", signature: text, message: Data(), namespace: Self.namespace,
        trustedKey: key),
      SignatureScenario(
        name: "wrong namespace", signature: text, message: Self.message,
        namespace: "bursar-approval2", trustedKey: key),
      SignatureScenario(
        name: "namespace prefix", signature: text, message: Self.message, namespace: "bursar",
        trustedKey: key),
      SignatureScenario(
        name: "another trusted key", signature: text, message: Self.message,
        namespace: Self.namespace, trustedKey: other),
      SignatureScenario(
        name: "signed by another key", signature: byOther, message: Self.message,
        namespace: Self.namespace, trustedKey: key),
    ]
    for scenario in scenarios {
      #expect(try !scenario.expectAgreementWithSSHKeygen(), "\(scenario.name)")
    }
  }

  @Test("A key of another algorithm never verifies", arguments: SSHKeyAlgorithm.allCases)
  func crossAlgorithm(algorithm: SSHKeyAlgorithm) throws {
    let fixtures = try KeyFixtures.load()
    let text = try SSHKeygenOracle.sign(
      Self.message, namespace: Self.namespace, keyFile: fixtures.signer(algorithm).privateKeyPath)
    for otherAlgorithm in SSHKeyAlgorithm.allCases where otherAlgorithm != algorithm {
      let scenario = SignatureScenario(
        name: "\(algorithm) signature, \(otherAlgorithm) key", signature: text,
        message: Self.message, namespace: Self.namespace,
        trustedKey: fixtures.signer(otherAlgorithm))
      #expect(try !scenario.expectAgreementWithSSHKeygen())
    }
  }

  @Test("Failures carry a typed reason")
  func typedReasons() throws {
    let fixtures = try KeyFixtures.load()
    let key = fixtures.signer(.ed25519)
    let other = fixtures.other(.ed25519)
    let signature = try SSHSignature(
      armored: SSHKeygenOracle.sign(
        Self.message, namespace: Self.namespace, keyFile: key.privateKeyPath))
    #expect(
      throws: SSHVerificationError.keyMismatch(
        expected: other.publicKey.fingerprint, actual: key.publicKey.fingerprint)
    ) {
      try signature.validate(message: Self.message, namespace: Self.namespace, by: other.publicKey)
    }
    #expect(
      throws: SSHVerificationError.namespaceMismatch(expected: "git", actual: Self.namespace)
    ) { try signature.validate(message: Self.message, namespace: "git", by: key.publicKey) }
    #expect(throws: SSHVerificationError.invalidSignature) {
      try signature.validate(
        message: Data("other".utf8), namespace: Self.namespace, by: key.publicKey)
    }
    let reason = SSHVerificationError.namespaceMismatch(expected: "git", actual: Self.namespace)
    #expect(reason.description.contains("\"bursar-approval\""))
  }

  @Test("Namespaces compare byte for byte, not by Unicode equivalence")
  func namespaceBytes() throws {
    let key = try KeyFixtures.load().signer(.ed25519)
    let composed = "approval-\u{E9}"
    let decomposed = "approval-e\u{301}"
    let text = try SSHKeygenOracle.sign(
      Self.message, namespace: composed, keyFile: key.privateKeyPath)
    let signature = try SSHSignature(armored: text)
    #expect(signature.verify(message: Self.message, namespace: composed, by: key.publicKey))
    let scenario = SignatureScenario(
      name: "decomposed namespace", signature: text, message: Self.message,
      namespace: decomposed, trustedKey: key)
    #expect(try !scenario.expectAgreementWithSSHKeygen())
  }
}
