import BudgetKit
import Testing

/// Every rule has an example that triggers it at the right line and one that does not.
struct RuleExampleTests {
  @Test func theStandardTreeIsValid() {
    let tree = TreeFixture.load()
    #expect(tree.diagnostics.isEmpty, "\(tree.diagnostics)")
  }

  /// What validation finds in the example's files, and for an example judged as a change, what
  /// the gate and the pre-commit hook refuse of it on top.
  static func diagnostics(_ files: [String: String], of example: RuleExample) -> [Diagnostic] {
    let tree = TreeFixture.load(files, replacingBase: example.replacesBase)
    guard example.asChange else { return tree.diagnostics }
    let changes = BudgetDiff.changes(from: TreeFixture.load(), to: tree)
    return tree.diagnostics
      + ChangedExceptionPolicy(changes: changes).refusals(
        tree.diagnostics, exceptions: tree.exceptions)
  }

  @Test(arguments: RuleExample.all)
  func triggers(_ example: RuleExample) throws {
    let diagnostics = Self.diagnostics(example.triggers, of: example)
    let matching = diagnostics.filter { $0.rule == example.rule }
    let path = try #require(example.triggers.keys.sorted().first)
    #expect(
      matching.contains { $0.location.path == path && $0.location.line == example.line }
        || example.rule == .ownersMissing,
      "expected \(example.rule.rawValue) at \(path):\(example.line), got \(diagnostics)")
    #expect(!matching.isEmpty)
    #expect(matching.allSatisfy { $0.severity == example.severity })
    #expect(diagnostics.hasErrors == (example.severity == .error), "\(diagnostics)")
  }

  @Test(arguments: RuleExample.all)
  func doesNotTrigger(_ example: RuleExample) {
    let diagnostics = Self.diagnostics(example.passes, of: example)
    #expect(diagnostics.filter { $0.rule == example.rule }.isEmpty, "\(diagnostics)")
    #expect(diagnostics.isEmpty, "\(diagnostics)")
  }

  @Test func anExpiredExceptionIsHeldToItsOwnFormOnly() {
    // Against a budget it has no metric of, in an environment gone, looser than today's cap:
    // no error once it expired, and its own form is still checked.
    let old = RuleExample.exception(
      "environment: canary\nmetrics:\n  latency_p99: { max: 90ms }", starts: "2026-06-10",
      expires: "2026-06-30")
    #expect(TreeFixture.load([RuleExample.file: old]).diagnostics.isEmpty)
    let gone = old.replacingOccurrences(of: "budget: ranker", with: "budget: retired")
    #expect(TreeFixture.load([RuleExample.file: gone]).diagnostics.isEmpty)
    let broken = old.replacingOccurrences(of: "reason: Peak traffic.", with: "reason: ''")
    #expect(TreeFixture.load([RuleExample.file: broken]).diagnostics.map(\.rule) == [.emptyValue])
    // The day it expires it is still in force, and judged.
    let lastDay = TreeFixture.load(
      [RuleExample.file: old], day: CalendarDay("2026-06-30")!)
    #expect(lastDay.diagnostics.map(\.rule) == [.unknownEnvironment])
  }

  /// Rules that only the git layer or the work-tree reader can trigger are tested end to end.
  static let coveredEndToEnd: Set<RuleID> = [.fileNotRegular, .budgetsNotDirectory, .tooManyFiles]

  @Test func everyRuleHasAnExample() {
    let covered = Set(RuleExample.all.map(\.rule)).union(Self.coveredEndToEnd)
    #expect(Set(RuleID.allCases).subtracting(covered).isEmpty)
  }

  @Test func symbolicLinksToBudgetFilesAreRefused() {
    let tree = BudgetTreeLoader().load([
      BudgetSourceFile(
        path: ".budgets/owners.yaml", content: .bytes(Array(TreeFixture.owners.utf8))),
      BudgetSourceFile(path: ".budgets/link.yaml", content: .symlink),
      BudgetSourceFile(path: ".budgets/notes.md", content: .bytes(Array("# notes".utf8))),
    ])
    #expect(tree.diagnostics.map(\.rule) == [.fileNotRegular])
    #expect(tree.ignored.map(\.path) == [".budgets/notes.md"])
  }

  @Test func tooManyFilesAreRefused() {
    let files = (0..<5).map { BudgetSourceFile(path: ".budgets/b\($0).yaml", content: .bytes([])) }
    let tree = BudgetTreeLoader(limits: ReadLimits(maxFiles: 3)).load(files)
    #expect(tree.diagnostics.contains { $0.rule == .tooManyFiles })
  }
}
