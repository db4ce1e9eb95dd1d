import Foundation
import TestSupport

/// Signs and verifies with OpenSSH's own `ssh-keygen`, the reference the parser is checked against.
enum SSHKeygenOracle {
  /// Signs `message` with `ssh-keygen -Y sign`, returning the armored signature.
  static func sign(
    _ message: Data, namespace: String, keyFile: String, options: [String] = []
  ) throws -> String {
    try runSucceeding(
      "ssh-keygen", ["-Y", "sign", "-n", namespace, "-f", keyFile] + options, stdin: message,
      cwd: "/"
    ).stdoutText
  }

  /// `ssh-keygen -Y check-novalidate`: is the signature valid for its own embedded key?
  static func checkNovalidate(signature: String, message: Data, namespace: String) throws -> Bool {
    let folder = try TemporaryDirectory(prefix: "sshsig-oracle")
    let signatureFile = try folder.write(signature, to: "message.sig")
    return try runProcess(
      "ssh-keygen", ["-Y", "check-novalidate", "-n", namespace, "-s", signatureFile],
      stdin: message, cwd: folder.path
    ).succeeded
  }

  /// `ssh-keygen -Y verify` with an allowed_signers file that trusts only `allowedKeyLine`.
  static func verify(
    signature: String, message: Data, namespace: String, allowedKeyLine: String
  ) throws -> Bool {
    let folder = try TemporaryDirectory(prefix: "sshsig-oracle")
    let signatureFile = try folder.write(signature, to: "message.sig")
    let allowedSigners = try folder.write("approver \(allowedKeyLine)\n", to: "allowed_signers")
    return try runProcess(
      "ssh-keygen",
      [
        "-Y", "verify", "-f", allowedSigners, "-I", "approver", "-n", namespace,
        "-s", signatureFile,
      ],
      stdin: message, cwd: folder.path
    ).succeeded
  }
}
