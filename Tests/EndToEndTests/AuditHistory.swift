import Foundation
import TestSupport
import Testing

/// A random but reproducible history of governed changes on a `GateFixture`'s `main`: values
/// loosened and tightened, budgets added and removed, a second budget under a name already
/// used, exceptions, a file broken and fixed, Owners changed, approvals genuine and forged, and
/// side branches merged; with `bursar gate` as the oracle for what the audit must find.
final class AuditHistory {
  let fixture: GateFixture
  private var random: SeededGenerator
  private(set) var operations: [String] = []
  private var fraudBroken = false
  private var carolInSRE = false
  private var branches = 0

  init(seed: UInt64, steps: Int) throws {
    fixture = try GateFixture()
    random = SeededGenerator(seed: seed)
    try repository.git("checkout", "-q", "main")
    for _ in 0..<steps { try step() }
  }

  private var repository: TemporaryRepository { fixture.repository }

  private func step() throws {
    switch random.next(10) {
    case 0, 1:
      try setFraud()
      if random.next(2) == 0 { try approveFraud() }
      try record("fraud")
    case 2:
      try toggle(
        ".budgets/models/search.yaml", GateFixture.budget(name: "search", latency: "100ms"))
      try record("search")
    case 3:
      // `extra.yaml` sorts first, so it takes the name `fraud` over `fraud.yaml`.
      try toggle(".budgets/models/extra.yaml", GateFixture.budget(latency: "150ms"))
      try record("duplicate")
    case 4:
      let budget = ["fraud", "search"][random.next(2)]
      let expires = ["2099-01-20", "2099-02-20", "2099-01-05"][random.next(3)]
      if random.next(3) == 0 {
        try? repository.remove(path: ".budgets/exceptions/e.yaml")
      } else {
        try repository.write(
          path: ".budgets/exceptions/e.yaml",
          contents: Self.exception(budget: budget, expires: expires))
      }
      try record("exception")
    case 5:
      try repository.write(
        path: ".budgets/models/fraud.yaml", contents: "kind: Budget\nname: [broken\n")
      fraudBroken = true
      try record("break")
    case 6:
      carolInSRE.toggle()
      let carol =
        carolInSRE
        ? "\n      - { name: carol, email: carol@example.com, keys: [\"\(try fixture.publicKey("carol"))\"] }"
        : ""
      try repository.write(
        path: ".budgets/owners.yaml",
        contents: try fixture.owners(
          rules:
            "{ loosen: owners, tighten: none, add: owners, remove: owners, exception: owners, max_exception_days: 30, signatures: required, self_approval: false }",
          extraSRE: carol))
      try record("owners")
    case 7:
      guard !fraudBroken else { return try step() }
      let digest = try fixture.digest("models/fraud.yaml")
      try repository.write(
        path: ".budgets/approvals/bob.yaml",
        contents: try fixture.forge(
          by: "bob", path: "models/fraud.yaml", digest: digest, note: "ok", key: "mallory"))
      try record("forged")
    case 8:
      try mergeSideBranch()
    default:
      try repository.write(path: "README", contents: "r\(random.next(1000))\n")
      try record("readme")
    }
  }

  private func setFraud() throws {
    let latency = ["90ms", "100ms", "130ms", "150ms"][random.next(4)]
    try repository.write(
      path: ".budgets/models/fraud.yaml", contents: GateFixture.budget(latency: latency))
    fraudBroken = false
  }

  private func approveFraud() throws {
    let (name, key) = [("alice", "alice"), ("carol", "carol"), ("bob", "bob")][random.next(3)]
    try Self.approve(fixture, by: name, key: key)
  }

  private func toggle(_ path: String, _ contents: String) throws {
    if FileManager.default.fileExists(atPath: repository.absolutePath(path)) {
      try repository.remove(path: path)
    } else {
      try repository.write(path: path, contents: contents)
    }
  }

  private func mergeSideBranch() throws {
    branches += 1
    let branch = "side-\(branches)"
    try repository.git("checkout", "-q", "-b", branch)
    try setFraud()
    try Self.commit(repository, "loosen on \(branch)", author: random.next(2) == 0 ? "carol" : nil)
    if random.next(2) == 0 {
      try approveFraud()
      try Self.commit(repository, "approve on \(branch)", author: nil)
    }
    try repository.git("checkout", "-q", "main")
    try repository.git(
      ["merge", "-q", "--no-ff", "-m", "Merge \(branch)", branch],
      environment: repository.commitDateEnvironment())
    operations.append("merge")
  }

  private func record(_ operation: String) throws {
    try repository.commit(message: operation)
    operations.append(operation)
  }

  // MARK: - Helpers

  static func exception(budget: String, expires: String) -> String {
    """
    version: 1
    kind: Exception
    id: EXC-1
    budget: \(budget)
    metrics:
      latency_p95: { max: 200ms }
    reason: Peak traffic.
    starts: 2099-01-01
    expires: \(expires)

    """
  }

  /// Writes `.budgets/approvals/NAME.yaml`: NAME approves the work tree's `models/fraud.yaml`,
  /// signed with KEY.
  static func approve(_ fixture: GateFixture, by name: String, key: String) throws {
    let digest = try fixture.digest("models/fraud.yaml")
    try fixture.repository.write(
      path: ".budgets/approvals/\(name).yaml",
      contents: try fixture.forge(
        by: name, path: "models/fraud.yaml", digest: digest, note: "ok", key: key))
  }

  /// Commits everything, as AUTHOR (`NAME@example.com`) when one is given.
  static func commit(_ repository: TemporaryRepository, _ message: String, author: String?)
    throws
  {
    try repository.git("add", "-A")
    var environment = repository.commitDateEnvironment()
    if let author {
      environment["GIT_AUTHOR_NAME"] = author
      environment["GIT_AUTHOR_EMAIL"] = "\(author)@example.com"
    }
    try repository.git(
      ["commit", "-q", "--allow-empty", "--no-verify", "-m", message], environment: environment)
  }

  /// Checks that the audit found, for every first-parent commit of `main` that changed
  /// `.budgets/`, what `bursar gate --base PARENT --head COMMIT` reports: the same unmet
  /// sign-offs (as `unsigned`, or `approved-late` when a later step approved them), the same invalid-tree errors and exception policy problems, and approvals
  /// that did not verify among those gate does not count.
  static func expectAgreementWithGate(
    _ repository: TemporaryRepository, _ findings: [[String: String]]
  ) throws {
    let runner = BursarRunner(repository: repository)
    for line in try repository.gitLines("log", "--first-parent", "--format=%H %P", "main") {
      let ids = line.split(separator: " ").map(String.init)
      guard ids.count > 1 else { continue }
      let (commit, parent) = (ids[0], ids[1])
      guard
        !(try repository.gitLines("diff", "--name-only", parent, commit, "--", ".budgets"))
          .isEmpty
      else {
        #expect(findings.allSatisfy { $0["commit"] != commit })
        continue
      }
      let result = try runner.run(
        ["gate", "--base", parent, "--head", commit, "--format", "json"])
      let gate = try #require(
        try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
      let found = findings.filter { $0["commit"] == commit }
      func of(_ kind: String) -> [[String: String]] { found.filter { $0["kind"] == kind } }
      let required = gate["required"] as? [[String: Any]] ?? []
      let missing = required.filter { $0["satisfied"] as? Bool == false }.map {
        "\($0["path"] as? String ?? "") \(($0["reasons"] as? [String] ?? []).joined(separator: "; "))"
      }
      // An approved-late finding is an unsigned step whose approval a later step brought.
      let unsigned = (of("unsigned") + of("approved-late")).map { finding in
        let detail = finding["detail"] ?? ""
        let reasons = detail.firstRange(of: ": ").map { String(detail[$0.upperBound...]) } ?? ""
        return "\(finding["path"] ?? "") \(reasons)"
      }
      #expect(unsigned.sorted() == missing.sorted(), "\(commit)")
      let errors = (gate["errors"] as? [String] ?? []).map(location)
      #expect(of("invalid-tree").map { location($0["detail"] ?? "") } == errors, "\(commit)")
      #expect(
        of("exception-policy").map { $0["detail"] ?? "" } == gate["policy"] as? [String] ?? [],
        "\(commit)")
      for finding in of("approved-late") {
        try expectApprovedLate(repository, finding, parent: parent)
      }
      let rejected = Set(
        (gate["approvals"] as? [[String: Any]] ?? []).compactMap { review -> String? in
          guard let problem = review["problem"] as? String else { return nil }
          return
            "\(review["path"] as? String ?? "") approval by \(review["by"] as? String ?? ""): \(problem)"
        })
      for finding in of("unverified-approval") {
        #expect(
          rejected.contains("\(finding["path"] ?? "") \(finding["detail"] ?? "")"), "\(commit)")
      }
    }
  }

  /// Checks an approved-late finding with `bursar gate` as the oracle: judged from the
  /// loosening's parent to the commit its detail names, the file's sign-off is met.
  static func expectApprovedLate(
    _ repository: TemporaryRepository, _ finding: [String: String], parent: String
  ) throws {
    let detail = finding["detail"] ?? ""
    let named = try #require(detail.firstRange(of: " in ").map { detail[$0.upperBound...] })
    let approval = try repository.git("rev-parse", String(named.prefix(7)))
    let result = try BursarRunner(repository: repository).run(
      ["gate", "--base", parent, "--head", approval, "--format", "json"])
    let gate = try #require(
      try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
    let required = gate["required"] as? [[String: Any]] ?? []
    let status = required.first { $0["path"] as? String == finding["path"] }
    #expect(status?["satisfied"] as? Bool == true, "\(detail)")
  }

  /// The `path:line:column` a diagnostic's text starts with.
  private static func location(_ text: String) -> String {
    String(text.prefix { $0 != " " }.dropLast())
  }
}
