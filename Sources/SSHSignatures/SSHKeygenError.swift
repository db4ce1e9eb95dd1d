import Foundation

/// Why `ssh-keygen -Y sign` could not produce a signature.
public enum SSHKeygenError: Error, Sendable, Hashable {
  /// `ssh-keygen` is not installed or not on `PATH`.
  case sshKeygenNotFound
  /// The namespace is empty, which `ssh-keygen` refuses.
  case emptyNamespace
  /// The key file does not exist.
  case keyFileMissing(path: String)
  /// The key file exists but is not a key `ssh-keygen` can read.
  case unreadableKeyFile(path: String, detail: String)
  /// The private key is protected by a passphrase and no agent holds it.
  case passphraseRequired(path: String)
  /// A public key file was given, so an agent is needed, but none is running.
  case agentUnavailable
  /// An agent is running but does not hold the private key for the public key file.
  case keyNotInAgent(path: String)
  /// The process could not be started at all.
  case launchFailed(detail: String)
  /// `ssh-keygen` failed for another reason; `detail` is what it printed.
  case failed(exitCode: Int32, detail: String)
  /// `ssh-keygen` succeeded but printed something that is not an SSH signature.
  case unexpectedOutput(detail: String)
}

extension SSHKeygenError: CustomStringConvertible, LocalizedError {
  public var description: String {
    switch self {
    case .sshKeygenNotFound:
      "ssh-keygen was not found; install OpenSSH 8.2 or later and make sure it is on PATH."
    case .emptyNamespace:
      "A signature namespace is required."
    case .keyFileMissing(let path):
      "The key file \(path) does not exist."
    case .unreadableKeyFile(let path, let detail):
      "ssh-keygen could not read the key file \(path): \(detail)"
    case .passphraseRequired(let path):
      "The key \(path) is protected by a passphrase; add it to ssh-agent "
        + "with `ssh-add \(path)` and try again."
    case .agentUnavailable:
      "Signing with a public key file needs ssh-agent, but no agent is running "
        + "(SSH_AUTH_SOCK is unset or stale); start one and `ssh-add` the key."
    case .keyNotInAgent(let path):
      "ssh-agent does not hold the private key for \(path); add it with `ssh-add` and try again."
    case .launchFailed(let detail):
      "ssh-keygen could not be started: \(detail)"
    case .failed(let exitCode, let detail):
      "ssh-keygen failed with exit code \(exitCode): \(detail)"
    case .unexpectedOutput(let detail):
      "ssh-keygen did not print an SSH signature: \(detail)"
    }
  }

  public var errorDescription: String? { description }
}
