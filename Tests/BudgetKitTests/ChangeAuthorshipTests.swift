import BudgetKit
import Testing

/// Which commits author a governed change: those that give a budget, exception or owners file a
/// meaning none of their parents had. Cases are written as files, keyed by path.
@Suite struct ChangeAuthorshipTests {
  static let budget = """
    version: 1
    kind: Budget
    name: fraud
    owner: ml-eng
    metrics:
      latency_p95: { dimension: latency, max: 100ms }

    """
  static let reformatted =
    "# same meaning\n" + budget.replacingOccurrences(of: "100ms", with: "0.1s")
  static let loosened = budget.replacingOccurrences(of: "100ms", with: "130ms")
  static let tightened = budget.replacingOccurrences(of: "100ms", with: "90ms")
  static let approval = """
    version: 1
    kind: Approval
    by: alice
    approves: [{ path: models/fraud.yaml, digest: deleted }]

    """
  static let otherApproval = approval.replacingOccurrences(of: "alice", with: "bob")
  static let fraud = ".budgets/models/fraud.yaml"
  static let record = ".budgets/approvals/alice.yaml"

  /// The governed meanings of some files (path to YAML text).
  static func side(_ files: [String: String]) -> GovernedMeanings {
    let parsed = BudgetTreeLoader().parse(files.map { ($0.key, Array($0.value.utf8)) })
    return GovernedMeanings(files: parsed) { "unparsed:" + $0.path }
  }

  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var commit: [String: String]
    var parents: [[String: String]]
    var authors: Bool
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(name: "a loosening", commit: [fraud: loosened], parents: [[fraud: budget]], authors: true),
    Case(
      name: "a tightening", commit: [fraud: tightened], parents: [[fraud: budget]], authors: true),
    Case(
      name: "a reformatting", commit: [fraud: reformatted], parents: [[fraud: budget]],
      authors: false),
    Case(
      name: "an approval added", commit: [fraud: budget, record: approval],
      parents: [[fraud: budget]], authors: false),
    Case(
      name: "an approval edited", commit: [fraud: budget, record: otherApproval],
      parents: [[fraud: budget, record: approval]], authors: false),
    Case(name: "a budget removed", commit: [:], parents: [[fraud: budget]], authors: true),
    Case(
      name: "an approval turned into a budget", commit: [record: budget],
      parents: [[record: approval]], authors: true),
    Case(
      name: "a file broken", commit: [fraud: "kind: Budget\nname: [x\n"],
      parents: [[fraud: budget]], authors: true),
    Case(
      name: "a --no-ff merge of an approved branch", commit: [fraud: loosened, record: approval],
      parents: [[fraud: budget], [fraud: loosened, record: approval]], authors: false),
    Case(
      name: "a merge taking each file from one parent",
      commit: [fraud: loosened, ".budgets/models/other.yaml": tightened],
      parents: [
        [fraud: loosened, ".budgets/models/other.yaml": budget],
        [fraud: budget, ".budgets/models/other.yaml": tightened],
      ], authors: false),
    Case(
      name: "a merge resolving a conflict into a new meaning", commit: [fraud: tightened],
      parents: [[fraud: loosened], [fraud: budget]], authors: true),
    Case(
      name: "a merge dropping a file both parents hold", commit: [:],
      parents: [[fraud: loosened], [fraud: budget]], authors: true),
    Case(name: "a root commit with a budget", commit: [fraud: budget], parents: [], authors: true),
    Case(
      name: "a root commit with a record only", commit: [record: approval], parents: [],
      authors: false),
  ]

  @Test(arguments: cases)
  func authorship(of example: Case) {
    let authors = ChangeAuthorship.authors(
      Self.side(example.commit), parents: example.parents.map(Self.side))
    #expect(authors == example.authors, "\(example.name)")
  }
}
