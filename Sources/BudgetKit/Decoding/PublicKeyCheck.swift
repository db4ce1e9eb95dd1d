import SSHSignatures

/// Checks that a line from the Owners file is an SSH public key bursar can verify signatures with.
enum PublicKeyCheck {
  /// Why the key cannot be used, or nil when it can.
  static func problem(with line: String) -> String? {
    do {
      _ = try SSHPublicKey(parsing: line)
      return nil
    } catch {
      return "\(error)"
    }
  }
}
