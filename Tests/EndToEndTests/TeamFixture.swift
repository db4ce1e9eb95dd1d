import Foundation
import TestSupport

/// A team working as the docs say: a bare repository as the server, and one clone per person,
/// each committing under their own git identity with a real ed25519 key listed in the owners.
///
/// Teams: `sre` (alice, bob), `ml-eng` (carol), `product` (erin), `legal` (frank). Dimensions:
/// `latency` owned by sre, `fairness` by ml-eng, product and legal (`require: all`). One budget,
/// `fraud` in `.budgets/models/fraud.yaml`, and another, `search`, on `main`.
final class TeamFixture {
  static let people = ["alice", "bob", "carol", "erin", "frank"]
  static let fraud = ".budgets/models/fraud.yaml"
  static let search = ".budgets/models/search.yaml"

  let server: TemporaryRepository
  let keys: TemporaryDirectory
  private let seed: TemporaryRepository
  private var clones: [String: TemporaryRepository] = [:]

  init(rules: String = TeamFixture.strictRules) throws {
    keys = try TemporaryDirectory(prefix: "bursar-team-keys")
    for name in Self.people {
      _ = try runProcess(
        "ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", keys.path + "/" + name],
        cwd: keys.path)
    }
    seed = try TemporaryRepository()
    try seed.write(
      path: ".budgets/owners.yaml", contents: try Self.owners(rules: rules, keys: keys.path))
    try seed.write(path: Self.fraud, contents: Self.budget(latency: "100ms", gap: "3%"))
    try seed.write(
      path: Self.search, contents: Self.budget(name: "search", latency: "200ms", gap: "5%"))
    try seed.commit(message: "Budgets")
    server = try TemporaryRepository(cloning: seed.path, bare: true)
  }

  static let strictRules =
    "{ loosen: owners, tighten: none, add: owners, remove: owners, exception: owners, max_exception_days: 90, signatures: required, self_approval: false }"

  /// The person's own clone of the server, made on first use (`origin/HEAD` set, as by a clone).
  func clone(_ name: String) throws -> TemporaryRepository {
    if let clone = clones[name] { return clone }
    let clone = try TemporaryRepository(cloning: server.url)
    clones[name] = clone
    return clone
  }

  func keyPath(_ name: String) -> String { keys.path + "/" + name }

  func publicKey(_ name: String) throws -> String {
    try Self.publicKey(name, keys: keys.path)
  }

  static func publicKey(_ name: String, keys: String) throws -> String {
    try String(contentsOfFile: keys + "/" + name + ".pub", encoding: .utf8)
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// git identity variables of a person, for commits and merges.
  static func identity(_ name: String) -> [String: String] {
    [
      "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": "\(name)@example.com",
      "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": "\(name)@example.com",
    ]
  }

  /// Runs git in the person's clone as that person, with the bursar under test on `PATH` (for
  /// hooks); failures are returned, not thrown.
  @discardableResult
  func git(_ name: String, _ arguments: String...) throws -> ProcessResult {
    try runGit(name, arguments)
  }

  /// Like `git`, but a failure throws with git's output.
  @discardableResult
  func must(_ name: String, _ arguments: String...) throws -> String {
    try must(name, arguments)
  }

  /// `must` with the arguments as an array.
  @discardableResult
  func must(_ name: String, _ arguments: [String]) throws -> String {
    let result = try runGit(name, arguments)
    guard result.succeeded else {
      throw ProcessFailure(
        command: ["git"] + arguments, status: result.status,
        stderr: result.stdoutText + result.stderrText)
    }
    return result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  private func runGit(_ name: String, _ arguments: [String]) throws -> ProcessResult {
    let clone = try clone(name)
    let environment = TemporaryRepository.environment(
      try HookFixture.environment.merging(Self.identity(name)) { $1 }
        .merging(clone.commitDateEnvironment()) { $1 })
    return try runProcess("git", arguments, environment: environment, cwd: clone.path)
  }

  /// Runs bursar in the person's clone.
  func bursar(_ name: String, _ arguments: String...) throws -> ProcessResult {
    try BursarCLI.run(arguments, in: try clone(name).path)
  }

  /// `bursar approve --as NAME --key NAME's key`, with no base: the command finds it.
  func approve(_ name: String) throws -> ProcessResult {
    try bursar(name, "approve", "--as", name, "--key", keyPath(name))
  }

  /// Writes a file in the person's clone and commits everything as that person (through the
  /// clone's hooks when `verify`).
  func commit(
    _ name: String, _ path: String, _ contents: String, message: String, verify: Bool = false
  ) throws {
    try clone(name).write(path: path, contents: contents)
    try must(name, "add", "-A")
    try must(name, ["commit", "-q"] + (verify ? [] : ["--no-verify"]) + ["-m", message])
  }

  /// Commits everything in the person's clone as that person.
  func commitAll(_ name: String, message: String) throws {
    try must(name, "add", "-A")
    try must(name, "commit", "-q", "--no-verify", "-m", message)
  }

  /// bob's review branch: `loosen` with the fraud budget's p95 latency at `latency` and its
  /// fairness gap at `gap`, committed by bob and pushed.
  /// With `verify`, bob's commit and push go through his clone's hooks.
  func bobPushesReviewBranch(
    latency: String = "130ms", gap: String = "3%", branch: String = "loosen", verify: Bool = false
  )
    throws
  {
    try must("bob", "checkout", "-q", "-b", branch)
    try commit(
      "bob", Self.fraud, Self.budget(latency: latency, gap: gap),
      message: "Loosen fraud\n\nBudget-Rationale: peak traffic", verify: verify)
    try must("bob", ["push", "-q"] + (verify ? [] : ["--no-verify"]) + ["-u", "origin", branch])
  }

  /// The person fetches and checks out the review branch as it is on the server.
  func checkOutReview(_ name: String, branch: String = "loosen") throws {
    try must(name, "fetch", "-q", "origin")
    if try git(name, "rev-parse", "-q", "--verify", "refs/heads/" + branch).succeeded {
      try must(name, "checkout", "-q", branch)
      try must(name, "merge", "-q", "--ff-only", "origin/" + branch)
    } else {
      try must(name, "checkout", "-q", "-b", branch, "origin/" + branch)
    }
  }

  /// The record `approve` says it wrote (`wrote PATH: ...`).
  static func writtenRecord(_ result: ProcessResult) -> String? {
    for line in result.stdoutText.split(separator: "\n") where line.hasPrefix("wrote ") {
      return line.dropFirst("wrote ".count).split(separator: ":").first.map(String.init)
    }
    return nil
  }

  /// `bursar gate --format json` in the person's clone, with the object and the text output.
  func gate(_ name: String, base: String = "origin/main", head: String = "HEAD") throws -> (
    status: Int32, json: [String: Any], text: String
  ) {
    let json = try bursar(name, "gate", "--base", base, "--head", head, "--format", "json")
    let text = try bursar(name, "gate", "--base", base, "--head", head)
    let object = (try? JSONSerialization.jsonObject(with: json.stdout)) as? [String: Any] ?? [:]
    return (text.status, object, text.stdoutText + text.stderrText)
  }

  /// The Owners file, with each person's public key from the `keys` folder.
  static func owners(rules: String, keys: String) throws -> String {
    func member(_ name: String) throws -> String {
      "        - { name: \(name), email: \(name)@example.com, keys: [\"\(try publicKey(name, keys: keys))\"] }"
    }
    return """
      version: 1
      kind: Owners
      teams:
        sre:
          members:
      \(try member("alice"))
      \(try member("bob"))
        ml-eng:
          members:
      \(try member("carol"))
        product:
          members:
      \(try member("erin"))
        legal:
          members:
      \(try member("frank"))
      dimensions:
        latency: { owners: [sre] }
        fairness: { owners: [ml-eng, product, legal], require: all }
      rules: \(rules)
      governance: { owners: [sre, ml-eng], require: all }

      """
  }

  static func budget(name: String = "fraud", latency: String, gap: String) -> String {
    """
    version: 1
    kind: Budget
    name: \(name)
    owner: ml-eng
    metrics:
      latency_p95: { dimension: latency, max: \(latency) }
      fpr_gap: { dimension: fairness, max: \(gap) }

    """
  }
}
