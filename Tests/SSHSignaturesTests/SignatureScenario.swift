import Foundation
import SSHSignatures
import Testing

/// One verification question, answered both by ``SSHSignature`` and by `ssh-keygen`.
struct SignatureScenario: CustomStringConvertible {
  var name: String
  var signature: String
  var message: Data
  var namespace: String
  /// The key the verifier trusts.
  var trustedKey: TestKey

  var description: String { name }

  /// Our verdict against the trusted key; false when the signature does not even parse.
  var verdict: Bool {
    guard let parsed = try? SSHSignature(armored: signature) else { return false }
    return parsed.verify(message: message, namespace: namespace, by: trustedKey.publicKey)
  }

  /// Our verdict against the key embedded in the signature, as `check-novalidate` judges.
  var embeddedKeyVerdict: Bool {
    guard let parsed = try? SSHSignature(armored: signature) else { return false }
    return parsed.verify(message: message, namespace: namespace, by: parsed.signer)
  }

  /// Checks that our verdicts equal `ssh-keygen`'s and returns the trusted-key verdict.
  @discardableResult
  func expectAgreementWithSSHKeygen(
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Bool {
    let oracleVerify = try SSHKeygenOracle.verify(
      signature: signature, message: message, namespace: namespace,
      allowedKeyLine: trustedKey.publicKeyLine)
    let oracleNovalidate = try SSHKeygenOracle.checkNovalidate(
      signature: signature, message: message, namespace: namespace)
    let verdict = self.verdict
    #expect(
      verdict == oracleVerify, "\(name): ssh-keygen -Y verify", sourceLocation: sourceLocation)
    #expect(
      embeddedKeyVerdict == oracleNovalidate, "\(name): ssh-keygen -Y check-novalidate",
      sourceLocation: sourceLocation)
    return verdict
  }
}
