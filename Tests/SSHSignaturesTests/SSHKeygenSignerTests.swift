import Foundation
import SSHSignatures
import TestSupport
import Testing

@Suite("SSHKeygenSigner")
struct SSHKeygenSignerTests {
  static let message = Data("approve: api-latency budget\n".utf8)
  static let namespace = KeyFixtures.namespace
  /// Keeps a developer's own agent out of the tests.
  static let noAgent = ["SSH_AUTH_SOCK": "/nonexistent/agent.sock"]

  @Test("Signs with a private key file", arguments: SSHKeyAlgorithm.allCases)
  func signsWithKeyFile(algorithm: SSHKeyAlgorithm) throws {
    let key = try KeyFixtures.load().signer(algorithm)
    let signer = SSHKeygenSigner(environment: Self.noAgent)
    let text = try signer.sign(
      message: Self.message, namespace: Self.namespace, keyFile: key.privateKeyPath)
    let signature = try SSHSignature(armored: text)
    #expect(signature.verify(message: Self.message, namespace: Self.namespace, by: key.publicKey))
    let scenario = SignatureScenario(
      name: "signer", signature: text, message: Self.message, namespace: Self.namespace,
      trustedKey: key)
    #expect(try scenario.expectAgreementWithSSHKeygen())
  }

  @Test("Reports a missing key file and an empty namespace")
  func invalidArguments() throws {
    let signer = SSHKeygenSigner(environment: Self.noAgent)
    let key = try KeyFixtures.load().signer(.ed25519)
    #expect(throws: SSHKeygenError.keyFileMissing(path: "/nonexistent/id_ed25519")) {
      try signer.sign(message: Self.message, namespace: "n", keyFile: "/nonexistent/id_ed25519")
    }
    #expect(throws: SSHKeygenError.emptyNamespace) {
      try signer.sign(message: Self.message, namespace: "", keyFile: key.privateKeyPath)
    }
  }

  @Test("Reports a file that is not a key")
  func notAKey() throws {
    let folder = try TemporaryDirectory(prefix: "sshsig-signer")
    let path = try folder.write("not a key\n", to: "id_bogus")
    let error = try #require(throws: SSHKeygenError.self) {
      try SSHKeygenSigner(environment: Self.noAgent).sign(
        message: Self.message, namespace: Self.namespace, keyFile: path)
    }
    guard case .unreadableKeyFile(let reported, _) = error else {
      Issue.record("unexpected error \(error)")
      return
    }
    #expect(reported == path)
  }

  @Test("Reports ssh-keygen missing from PATH")
  func missingTool() throws {
    let key = try KeyFixtures.load().signer(.ed25519)
    let signer = SSHKeygenSigner(environment: ["PATH": "/nonexistent"])
    #expect(throws: SSHKeygenError.sshKeygenNotFound) {
      try signer.sign(message: Self.message, namespace: Self.namespace, keyFile: key.privateKeyPath)
    }
  }

  @Test("A passphrase-protected key without an agent fails at once instead of prompting")
  func passphraseProtected() throws {
    let folder = try TemporaryDirectory(prefix: "sshsig-signer")
    let key = try KeyFixtures.generate(.ed25519, named: "locked", in: folder, passphrase: "s3cret")
    let error = #expect(throws: SSHKeygenError.passphraseRequired(path: key.privateKeyPath)) {
      try SSHKeygenSigner(environment: Self.noAgent).sign(
        message: Self.message, namespace: Self.namespace, keyFile: key.privateKeyPath)
    }
    #expect(error?.description.contains("ssh-add") == true)
  }

  @Test("A public key file without a running agent names the missing agent")
  func publicKeyWithoutAgent() throws {
    let key = try KeyFixtures.load().signer(.ed25519)
    #expect(throws: SSHKeygenError.agentUnavailable) {
      try SSHKeygenSigner(environment: Self.noAgent).sign(
        message: Self.message, namespace: Self.namespace, keyFile: key.publicKeyPath)
    }
  }

  @Test("Signs through ssh-agent with a public key file or a locked private key")
  func agentSigning() throws {
    let folder = try TemporaryDirectory(prefix: "sshsig-signer")
    let agent = try TestAgent(in: folder)
    defer { agent.stop() }
    let key = try KeyFixtures.generate(.ecdsaP256, named: "agent", in: folder, passphrase: "s3cret")
    let signer = SSHKeygenSigner(environment: agent.environment)
    #expect(throws: SSHKeygenError.keyNotInAgent(path: key.publicKeyPath)) {
      try signer.sign(message: Self.message, namespace: Self.namespace, keyFile: key.publicKeyPath)
    }
    try agent.add(key, passphrase: "s3cret", folder: folder)
    for keyFile in [key.publicKeyPath, key.privateKeyPath] {
      let text = try signer.sign(message: Self.message, namespace: Self.namespace, keyFile: keyFile)
      let signature = try SSHSignature(armored: text)
      #expect(signature.verify(message: Self.message, namespace: Self.namespace, by: key.publicKey))
    }
  }
}

/// A private `ssh-agent` listening on a socket inside a test folder.
struct TestAgent {
  let process: Process
  let socket: String
  var environment: [String: String] { ["SSH_AUTH_SOCK": socket] }

  init(in folder: TemporaryDirectory) throws {
    socket = folder.appending("agent.sock")
    process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    // -D keeps the agent in the foreground; env execs it, so this process is the agent.
    process.arguments = ["ssh-agent", "-D", "-a", socket]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(10)
    while !FileManager.default.fileExists(atPath: socket) && Date() < deadline {
      Thread.sleep(forTimeInterval: 0.05)
    }
    guard FileManager.default.fileExists(atPath: socket) else {
      stop()
      throw ProcessFailure(
        command: ["ssh-agent", "-D", "-a", socket], status: nil,
        stderr: "ssh-agent did not create its socket")
    }
  }

  /// Adds a key, answering its passphrase through a throwaway askpass script.
  func add(_ key: TestKey, passphrase: String, folder: TemporaryDirectory) throws {
    let askpass = try folder.write("#!/bin/sh\necho '\(passphrase)'\n", to: "askpass.sh")
    try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: askpass)
    var environment = ProcessInfo.processInfo.environment.merging(self.environment) { $1 }
    environment["SSH_ASKPASS"] = askpass
    environment["SSH_ASKPASS_REQUIRE"] = "force"
    try runSucceeding(
      "ssh-add", [key.privateKeyPath], environment: environment, cwd: folder.path)
  }

  /// Ends the agent with SIGKILL.
  ///
  /// The test runner's worker threads block SIGTERM and spawned children
  /// inherit that mask, so `terminate()` would leave the agent running.
  func stop() {
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
  }
}
