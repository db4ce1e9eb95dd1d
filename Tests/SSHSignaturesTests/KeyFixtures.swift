import Foundation
import SSHSignatures
import TestSupport

/// A key pair made by `ssh-keygen` for the tests.
struct TestKey: Sendable {
  var algorithm: SSHKeyAlgorithm
  var privateKeyPath: String
  var publicKeyPath: String
  /// The `.pub` file's line, without the trailing newline.
  var publicKeyLine: String
  var publicKey: SSHPublicKey
}

/// Two keys of each algorithm, generated once per test run.
///
/// RSA key generation takes seconds, so the keys are shared by all tests.
struct KeyFixtures: Sendable {
  static let namespace = "bursar-approval"
  private static let shared = Result { try KeyFixtures() }

  let folder: TemporaryDirectory
  private let keys: [SSHKeyAlgorithm: [TestKey]]

  /// The shared fixtures, or the error that stopped their creation.
  static func load() throws -> KeyFixtures {
    try shared.get()
  }

  private init() throws {
    let folder = try TemporaryDirectory(prefix: "sshsig-keys")
    var keys: [SSHKeyAlgorithm: [TestKey]] = [:]
    for algorithm in SSHKeyAlgorithm.allCases {
      keys[algorithm] = try ["signer", "other"].map { role in
        try Self.generate(algorithm, named: "\(algorithm.rawValue)-\(role)", in: folder)
      }
    }
    self.folder = folder
    self.keys = keys
  }

  /// The key that signs in most tests.
  func signer(_ algorithm: SSHKeyAlgorithm) -> TestKey { keys[algorithm]![0] }

  /// A second, unrelated key of the same algorithm.
  func other(_ algorithm: SSHKeyAlgorithm) -> TestKey { keys[algorithm]![1] }

  /// Generates an unencrypted key pair with `ssh-keygen`.
  static func generate(
    _ algorithm: SSHKeyAlgorithm, named name: String, in folder: TemporaryDirectory,
    bits: Int? = nil, passphrase: String = ""
  ) throws -> TestKey {
    let path = folder.appending(name)
    var arguments = ["-q", "-N", passphrase, "-C", "\(name)@test", "-f", path]
    switch algorithm {
    case .ed25519: arguments += ["-t", "ed25519"]
    case .ecdsaP256: arguments += ["-t", "ecdsa", "-b", "256"]
    case .rsa: arguments += ["-t", "rsa", "-b", String(bits ?? 3072)]
    }
    try runSucceeding("ssh-keygen", arguments, cwd: folder.path)
    let line = try String(contentsOfFile: path + ".pub", encoding: .utf8)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    return TestKey(
      algorithm: algorithm, privateKeyPath: path, publicKeyPath: path + ".pub",
      publicKeyLine: line, publicKey: try SSHPublicKey(parsing: line))
  }
}
