import BudgetKit
import Testing

/// Which approval records a gate verdict reviews, with which reason, and who it says cannot
/// count. Trees are built from YAML strings; signatures are optional here, so the records
/// need no keys.
@Suite struct GateReviewScopeTests {
  static let owners = """
    version: 1
    kind: Owners
    teams:
      sre:
        members:
          - { name: alice, email: alice@example.com }
          - { name: bob, email: bob@example.com }
    dimensions:
      latency: { owners: [sre] }
    rules: { loosen: owners, signatures: optional, self_approval: false }
    governance: { owners: [sre] }
    """

  static func budget(_ name: String, _ latency: String) -> String {
    """
    version: 1
    kind: Budget
    name: \(name)
    owner: sre
    metrics:
      latency_p95: { dimension: latency, max: \(latency) }
    """
  }

  static func record(by: String, path: String, digest: String) -> String {
    """
    version: 1
    kind: Approval
    by: \(by)
    approves: [{ path: \(path), digest: "\(digest)" }]
    """
  }

  static func tree(_ files: [String: String]) -> BudgetTree {
    var all = [".budgets/owners.yaml": owners]
    all.merge(files) { _, new in new }
    return BudgetTreeLoader().load(
      all.map { BudgetSourceFile(path: $0.key, content: .bytes(Array($0.value.utf8))) })
  }

  static let fraud = ".budgets/models/fraud.yaml"
  static let search = ".budgets/models/search.yaml"
  static let alice = ChangeAuthor(name: "alice", email: "alice@example.com", commit: "1a2b3c4")

  /// The base: fraud at 100ms approved by alice (fresh), search approved by alice long ago.
  static func base() -> BudgetTree {
    let fraudDigest = tree([fraud: budget("fraud", "100ms")]).digests[fraud]!
    let searchDigest = tree([search: budget("search", "200ms")]).digests[search]!
    return tree([
      fraud: budget("fraud", "100ms"), search: budget("search", "200ms"),
      ".budgets/approvals/alice-fraud.yaml": record(
        by: "alice", path: "models/fraud.yaml", digest: fraudDigest),
      ".budgets/approvals/alice-search.yaml": record(
        by: "alice", path: "models/search.yaml", digest: searchDigest),
    ])
  }

  @Test func onlyRecordsThatBearOnTheChangeAreReviewedAndAStaleOneIsStale() {
    let base = Self.base()
    let head = Self.tree([
      Self.fraud: Self.budget("fraud", "150ms"), Self.search: Self.budget("search", "200ms"),
      ".budgets/approvals/alice-fraud.yaml": Self.record(
        by: "alice", path: "models/fraud.yaml", digest: base.digests[Self.fraud]!),
      ".budgets/approvals/alice-search.yaml": Self.record(
        by: "alice", path: "models/search.yaml", digest: base.digests[Self.search]!),
    ])
    let gate = SignOffGate(base: base, head: head, messages: [:], authors: [Self.alice])
    for verdict in [gate.verdict(), gate.verdict(touching: [Self.fraud])] {
      // The search record is history; the fraud record bound the file the change alters.
      #expect(verdict.reviews.map(\.path) == [".budgets/approvals/alice-fraud.yaml"])
      // It binds nothing now: stale, not a self-approval, though alice authored the change.
      #expect(verdict.reviews.first?.problem == nil)
      #expect(verdict.reviews.first?.stalePaths == [Self.fraud])
      let status = verdict.missing.first
      #expect(status?.candidates == ["bob"])
      #expect(status?.excluded.map(\.member) == ["alice"])
      #expect(
        status?.excluded.first?.description == "alice authored 1a2b3c4 (self_approval: false)")
    }
  }

  @Test func aFreshRecordByAnAuthorIsASelfApproval() {
    let base = Self.base()
    let looser = Self.tree([Self.fraud: Self.budget("fraud", "150ms")]).digests[Self.fraud]!
    let head = Self.tree([
      Self.fraud: Self.budget("fraud", "150ms"), Self.search: Self.budget("search", "200ms"),
      ".budgets/approvals/alice-again.yaml": Self.record(
        by: "alice", path: "models/fraud.yaml", digest: looser),
    ])
    let verdict = SignOffGate(base: base, head: head, messages: [:], authors: [Self.alice])
      .verdict()
    let review = verdict.reviews.first { $0.path == ".budgets/approvals/alice-again.yaml" }
    #expect(review?.problem == .selfApproval("alice"))
    #expect(!verdict.passes)
    #expect(verdict.suggestedSigners == ["bob"])
  }
}
