import Foundation

/// Signs messages by running `ssh-keygen -Y sign`, so private keys never enter this process.
///
/// A private key file is used directly, or through ssh-agent when the agent
/// holds it. A `.pub` file means the private key lives only in ssh-agent
/// (`ssh-keygen -U`), which suits hardware tokens and password managers.
public struct SSHKeygenSigner: Sendable {
  /// Variables added to the inherited environment of `ssh-keygen`, such as `SSH_AUTH_SOCK`.
  public var environment: [String: String]
  /// Whether `ssh-keygen` may ask for a passphrase (on the terminal or via `SSH_ASKPASS`).
  ///
  /// Off by default, so that a locked key fails at once with
  /// ``SSHKeygenError/passphraseRequired(path:)`` instead of waiting for input.
  public var allowsPassphrasePrompt: Bool

  /// Creates a signer that adds `environment` to what `ssh-keygen` inherits.
  public init(environment: [String: String] = [:], allowsPassphrasePrompt: Bool = false) {
    self.environment = environment
    self.allowsPassphrasePrompt = allowsPassphrasePrompt
  }

  /// Signs `message` for `namespace` with the key in `keyFile` and returns the armored signature.
  public func sign(
    message: Data, namespace: String, keyFile: String
  ) throws(SSHKeygenError) -> String {
    guard !namespace.isEmpty else { throw .emptyNamespace }
    guard FileManager.default.fileExists(atPath: keyFile) else {
      throw .keyFileMissing(path: keyFile)
    }
    let usesAgentOnly = keyFile.hasSuffix(".pub")
    var arguments = ["-Y", "sign", "-n", namespace, "-f", keyFile]
    if usesAgentOnly { arguments.insert("-U", at: 2) }
    let output = try SSHKeygenRunner(environment: processEnvironment)
      .run(arguments, input: message)
    guard output.exitCode == 0 else {
      throw Self.failure(output, keyFile: keyFile, usesAgentOnly: usesAgentOnly)
    }
    guard (try? SSHSignature(armored: output.standardOutput)) != nil else {
      throw .unexpectedOutput(detail: Self.summary(of: output.standardOutput))
    }
    return output.standardOutput
  }

  private var processEnvironment: [String: String] {
    var merged = ProcessInfo.processInfo.environment
    if !allowsPassphrasePrompt {
      // "force" makes ssh-keygen ask the askpass program instead of the
      // terminal or standard input; `false` answers with nothing at once.
      merged["SSH_ASKPASS_REQUIRE"] = "force"
      merged["SSH_ASKPASS"] = "false"
    }
    merged.merge(environment) { _, override in override }
    return merged
  }

  /// Maps `ssh-keygen`'s exit status and messages to a typed error.
  private static func failure(
    _ output: SSHKeygenRunner.Output, keyFile: String, usesAgentOnly: Bool
  ) -> SSHKeygenError {
    let detail = summary(of: output.standardError)
    let stderr = output.standardError
    // env(1) exits with 127 when it cannot find the program to run.
    if output.exitCode == 127, stderr.contains("ssh-keygen") {
      return .sshKeygenNotFound
    }
    if stderr.contains("incorrect passphrase") {
      return .passphraseRequired(path: keyFile)
    }
    if stderr.contains("Couldn't get agent socket") {
      return usesAgentOnly ? .agentUnavailable : .failed(exitCode: output.exitCode, detail: detail)
    }
    if stderr.contains("Couldn't find key in agent") { return .keyNotInAgent(path: keyFile) }
    if stderr.contains("Couldn't load public key") || stderr.contains("Load key") {
      return .unreadableKeyFile(path: keyFile, detail: detail)
    }
    return .failed(exitCode: output.exitCode, detail: detail)
  }

  /// The meaningful lines of a tool's output, shortened for an error message.
  private static func summary(of text: String) -> String {
    let lines = text.split(whereSeparator: \.isNewline)
      .filter { !$0.hasPrefix("Signing data on standard input") }
    let joined = lines.joined(separator: " ").trimmingCharacters(in: .whitespaces)
    let shortened = joined.count > 500 ? String(joined.prefix(500)) + "…" : joined
    return shortened.isEmpty ? "no output" : shortened
  }
}
