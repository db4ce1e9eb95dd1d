import Foundation
import TestSupport

/// A repository for sign-off tests: teams `sre` (alice, bob) and `ml-eng` (carol) with real
/// ed25519 keys, one budget on `main`, and a `change` branch checked out.
final class GateFixture {
  let repository: TemporaryRepository
  let keys: TemporaryDirectory
  var runner: BursarRunner { BursarRunner(repository: repository) }

  init(
    rules: String =
      "{ loosen: owners, tighten: none, add: owners, remove: owners, exception: owners, max_exception_days: 30, signatures: required, self_approval: false }"
  ) throws {
    repository = try TemporaryRepository()
    keys = try TemporaryDirectory(prefix: "bursar-keys")
    for name in ["alice", "bob", "carol", "mallory"] {
      _ = try runProcess(
        "ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", keyPath(name)],
        cwd: keys.path)
    }
    try repository.write(path: ".budgets/owners.yaml", contents: try owners(rules: rules))
    try repository.write(
      path: ".budgets/models/fraud.yaml", contents: Self.budget(latency: "100ms"))
    try repository.commit(message: "Budgets")
    try repository.git("checkout", "-q", "-b", "change")
  }

  func keyPath(_ name: String) -> String { keys.path + "/" + name }

  func publicKey(_ name: String) throws -> String {
    try String(contentsOfFile: keyPath(name) + ".pub", encoding: .utf8)
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  func owners(rules: String, extraSRE: String = "", aliceKeys: [String]? = nil) throws -> String {
    let alice = try aliceKeys ?? [publicKey("alice")]
    return """
      version: 1
      kind: Owners
      teams:
        sre:
          members:
            - { name: alice, email: alice@example.com, keys: [\(alice.map { "\"\($0)\"" }.joined(separator: ", "))] }
            - { name: bob, email: bob@example.com, keys: ["\(try publicKey("bob"))"] }\(extraSRE)
        ml-eng:
          members:
            - { name: carol, email: carol@example.com, keys: ["\(try publicKey("carol"))"] }
      dimensions:
        latency: { owners: [sre] }
        quality: { owners: [ml-eng] }
      rules: \(rules)
      governance: { owners: [sre, ml-eng], require: all }

      """
  }

  static func budget(
    name: String = "fraud", latency: String, precision: String = "0.95", staging: String = "150ms"
  ) -> String {
    """
    version: 1
    kind: Budget
    name: \(name)
    owner: ml-eng
    metrics:
      latency_p95: { dimension: latency, max: \(latency) }
      precision: { dimension: quality, min: \(precision) }
    environments:
      staging: { latency_p95: { max: \(staging) } }

    """
  }

  /// Runs `bursar gate --base main --format json` and returns the status and the object.
  func gate() throws -> (status: Int32, json: [String: Any], text: String) {
    let result = try runner.run("gate", "--base", "main", "--format", "json")
    let object = (try? JSONSerialization.jsonObject(with: result.stdout)) as? [String: Any] ?? [:]
    return (result.status, object, result.stdoutText + result.stderrText)
  }

  func gateText() throws -> ProcessResult { try runner.run("gate", "--base", "main") }

  /// `bursar approve --as NAME --key KEY`, then a commit of the record.
  @discardableResult
  func approve(_ name: String, key: String? = nil, commit: Bool = true) throws -> ProcessResult {
    let result = try runner.run(
      "approve", "--as", name, "--key", keyPath(key ?? name), "--base", "main")
    if commit && result.succeeded { try repository.commit(message: "\(name) approves") }
    return result
  }

  /// The meaning digest `bursar digest` prints for a path under `.budgets/`.
  func digest(_ path: String) throws -> String {
    let output = try runner.run("digest", path).stdoutText
    return String(output.split(separator: " ").first ?? "")
  }

  /// Signs a hand-written record the way the documented canonical form says, with any key:
  /// the domain line, then the record's canonical JSON without `signature`.
  func forge(by: String, path: String, digest: String, note: String, key: String) throws -> String {
    let canonical =
      "bursar-approval-v1\n{\"approves\":[{\"digest\":\"\(digest)\",\"path\":\"\(path)\"}],\"by\":\"\(by)\",\"kind\":\"Approval\",\"note\":\"\(note)\",\"version\":\"1\"}"
    let signed = try runProcess(
      "ssh-keygen", ["-Y", "sign", "-n", "bursar-approval", "-f", keyPath(key)],
      stdin: Data(canonical.utf8),
      cwd: keys.path)
    let signature = signed.stdoutText.split(separator: "\n").map { "  " + $0 }.joined(
      separator: "\n")
    return """
      version: 1
      kind: Approval
      by: \(by)
      approves:
        - { path: \(path), digest: "\(digest)" }
      note: "\(note)"
      signature: |
      \(signature)

      """
  }

  /// `ssh-keygen -Y verify` as an oracle: whether `principal`'s key vouches for the message.
  func sshKeygenVerifies(message: String, signature: String, principal: String, key: String) throws
    -> Bool
  {
    let allowed = keys.path + "/allowed"
    try "\(principal) \(try publicKey(key))\n".write(
      toFile: allowed, atomically: true, encoding: .utf8)
    try signature.write(toFile: keys.path + "/sig", atomically: true, encoding: .utf8)
    let result = try runProcess(
      "ssh-keygen",
      [
        "-Y", "verify", "-f", allowed, "-I", principal, "-n", "bursar-approval", "-s",
        keys.path + "/sig",
      ],
      stdin: Data(message.utf8), cwd: keys.path)
    return result.succeeded
  }
}
