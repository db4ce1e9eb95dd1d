import BudgetKit
import Testing

/// Exceptions, approvals and the Owners file in the diff.
@Suite struct DiffGovernanceTests {
  typealias F = DiffFixtures

  static let exception = """
    version: 1
    kind: Exception
    id: EXC-1
    budget: fraud-detector
    metrics:
      latency_p95: { max: 130ms }
    reason: Peak season.
    ticket: OPS-1
    starts: 2026-11-20
    expires: 2026-12-08

    """

  func withException(_ text: String) -> BudgetTree {
    F.tree(budget: F.fraud, extra: ["exceptions/exc.yaml": text])
  }

  @Test func exceptionCreatedAndWithdrawn() throws {
    let created = try #require(F.diff(F.tree(budget: F.fraud), withException(Self.exception)).only)
    #expect(created.category == .exception)
    #expect(created.action == .created && created.kind == .added)
    #expect(
      created.exception == "EXC-1" && created.metric == "latency_p95" && created.newText == "130ms")
    let withdrawn = try #require(
      F.diff(withException(Self.exception), F.tree(budget: F.fraud)).only)
    #expect(
      withdrawn.action == .withdrawn && withdrawn.kind == .removed && withdrawn.oldText == "130ms")
  }

  @Test(arguments: [
    ("expires: 2026-12-08", "expires: 2026-12-20", ExceptionAction.extended, ChangeKind.loosen),
    ("expires: 2026-12-08", "expires: 2026-12-01", ExceptionAction.shortened, ChangeKind.tighten),
    ("starts: 2026-11-20", "starts: 2026-11-10", ExceptionAction.extended, ChangeKind.loosen),
    ("max: 130ms", "max: 140ms", ExceptionAction.amended, ChangeKind.loosen),
    (
      "reason: Peak season.", "reason: Peak season, again.", ExceptionAction.amended,
      ChangeKind.changed
    ),
  ])
  func exceptionAmendments(
    line: String, replacement: String, action: ExceptionAction, kind: ChangeKind
  )
    throws
  {
    let changed = Self.exception.replacingOccurrences(of: line, with: replacement)
    let change = try #require(F.diff(withException(Self.exception), withException(changed)).only)
    #expect(change.action == action)
    #expect(change.kind == kind)
  }

  @Test func approvalAddedNamesTheBudgetItCovers() throws {
    let approval = """
      version: 1
      kind: Approval
      by: alice
      approves:
        - path: models/fraud.yaml
          digest: sha256:\(String(repeating: "ab", count: 32))

      """
    let before = F.tree(budget: F.fraud)
    let after = F.tree(budget: F.fraud, extra: ["approvals/a.yaml": approval])
    let change = try #require(
      BudgetDiff.changes(from: before, to: after).filter { $0.category == .approval }.only)
    #expect(change.kind == .added)
    #expect(change.budget == "fraud-detector")
    #expect(change.newText == "alice")
    #expect(change.path == ".budgets/approvals/a.yaml")
  }

  @Test func ownersChangesAreGovernance() throws {
    let new = F.owners
      .replacingOccurrences(
        of: "ml-eng: { members: [{ name: carol }] }",
        with: "ml-eng: { members: [{ name: carol }, { name: dave }] }"
      )
      .replacingOccurrences(of: "max_exception_days: 90", with: "max_exception_days: 120")
      .replacingOccurrences(
        of: "latency: { owners: [sre] }", with: "latency: { owners: [sre, ml-eng], require: all }"
      )
      .replacingOccurrences(
        of:
          "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJYyFTGeXks6gWVRRyWF3hGhSIPW2HMaNPS4hbmBohRf alice@laptop",
        with: F.secondKey)
    let before = F.tree(budget: F.fraud)
    let after = F.tree(["owners.yaml": new, "models/fraud.yaml": F.fraud])
    let changes = F.diff(before, after)
    #expect(changes.allSatisfy { $0.category == .governance })
    let fields = changes.map { "\($0.field.name) \($0.kind.rawValue)" }
    #expect(fields.contains("teams.ml-eng.members added"))
    #expect(fields.contains("rules.max_exception_days loosen"))
    #expect(
      changes.contains {
        $0.what == .owners(.rule(.maxExceptionDays(old: 90, new: 120)))
          && $0.oldText == "90" && $0.newText == "120"
      })
    let key = try #require(
      changes.first { $0.field.name == "teams.sre.members.alice.keys" && $0.kind == .added })
    #expect(key.newText == "ssh-ed25519 …B10Y77uR2fmL alice@desk")
    #expect(fields.contains("dimensions.latency.owners changed"))
    #expect(fields.contains("teams.sre.members.alice.keys added"))
    #expect(fields.contains("teams.sre.members.alice.keys removed"))
  }
}
