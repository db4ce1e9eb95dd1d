import Crypto
import Foundation
import SSHSignatures
import TestSupport
import Testing

/// `ssh-keygen -Y sign` always uses rsa-sha2-512, so the other RSA variants are made with openssl.
@Suite("RSA signature algorithms")
struct RSASignatureAlgorithmTests {
  static let message = Data("approve budget change 42\n".utf8)
  static let namespace = KeyFixtures.namespace

  @Test(
    "rsa-sha2-256 is accepted and SHA-1 ssh-rsa is rejected, as in ssh-keygen",
    arguments: [("rsa-sha2-256", "-sha256", true), ("ssh-rsa", "-sha1", false)])
  func innerAlgorithm(name: String, digestOption: String, accepted: Bool) throws {
    let fixtures = try KeyFixtures.load()
    let key = fixtures.signer(.rsa)
    let text = try Self.craftSignature(
      key: key, innerAlgorithm: name, digestOption: digestOption, folder: fixtures.folder)
    let signature = try SSHSignature(armored: text)
    #expect(signature.signatureAlgorithm == name)
    let scenario = SignatureScenario(
      name: name, signature: text, message: Self.message, namespace: Self.namespace,
      trustedKey: key)
    #expect(try scenario.expectAgreementWithSSHKeygen() == accepted)
    if !accepted {
      #expect(throws: SSHVerificationError.rejectedSignatureAlgorithm(name)) {
        try signature.validate(message: Self.message, namespace: Self.namespace, by: key.publicKey)
      }
    }
  }

  /// Builds an SSHSIG blob by hand, signing the SSHSIG signed data with openssl.
  static func craftSignature(
    key: TestKey, innerAlgorithm: String, digestOption: String, folder: TemporaryDirectory
  ) throws -> String {
    let pemKey = folder.appending("rsa-pem-\(innerAlgorithm)")
    try? FileManager.default.removeItem(atPath: pemKey)
    try FileManager.default.copyItem(atPath: key.privateKeyPath, toPath: pemKey)
    // Rewrites the copy in the traditional PEM form that openssl reads.
    try runSucceeding(
      "ssh-keygen", ["-p", "-q", "-P", "", "-N", "", "-m", "PEM", "-f", pemKey], cwd: folder.path)
    let signedData =
      Array("SSHSIG".utf8) + TestWire.string(namespace) + TestWire.string([])
      + TestWire.string("sha512") + TestWire.string(Array(SHA512.hash(data: message)))
    let rawSignature = try runSucceeding(
      "openssl", ["dgst", digestOption, "-sign", pemKey], stdin: Data(signedData),
      cwd: folder.path)
    let raw = Array(rawSignature.stdout)
    let inner = TestWire.string(innerAlgorithm) + TestWire.string(raw)
    let blob =
      Array("SSHSIG".utf8) + TestWire.uint32(1) + TestWire.string(key.publicKey.wireBlob)
      + TestWire.string(namespace) + TestWire.string([]) + TestWire.string("sha512")
      + TestWire.string(inner)
    return TestWire.armor(blob)
  }
}
