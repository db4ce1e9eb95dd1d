import Foundation

/// Signs and verifies with OpenSSH's own `ssh-keygen`, the reference the parser is checked against.
enum SSHKeygenOracle {
  /// Signs `message` with `ssh-keygen -Y sign`, returning the armored signature.
  static func sign(
    _ message: Data, namespace: String, keyFile: String, options: [String] = []
  ) throws -> String {
    try TestProcess.check(
      "ssh-keygen", ["-Y", "sign", "-n", namespace, "-f", keyFile] + options, input: message)
  }

  /// `ssh-keygen -Y check-novalidate`: is the signature valid for its own embedded key?
  static func checkNovalidate(signature: String, message: Data, namespace: String) throws -> Bool {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let signatureFile = try folder.write(signature, to: "message.sig")
    return try TestProcess.run(
      "ssh-keygen", ["-Y", "check-novalidate", "-n", namespace, "-s", signatureFile],
      input: message
    ).succeeded
  }

  /// `ssh-keygen -Y verify` with an allowed_signers file that trusts only `allowedKeyLine`.
  static func verify(
    signature: String, message: Data, namespace: String, allowedKeyLine: String
  ) throws -> Bool {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let signatureFile = try folder.write(signature, to: "message.sig")
    let allowedSigners = try folder.write("approver \(allowedKeyLine)\n", to: "allowed_signers")
    return try TestProcess.run(
      "ssh-keygen",
      [
        "-Y", "verify", "-f", allowedSigners, "-I", "approver", "-n", namespace,
        "-s", signatureFile,
      ],
      input: message
    ).succeeded
  }
}
