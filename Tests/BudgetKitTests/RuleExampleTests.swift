import BudgetKit
import Testing

/// Every rule has an example that triggers it at the right line and one that does not.
struct RuleExampleTests {
  @Test func theStandardTreeIsValid() {
    let tree = TreeFixture.load()
    #expect(tree.diagnostics.isEmpty, "\(tree.diagnostics)")
  }

  @Test(arguments: RuleExample.all)
  func triggers(_ example: RuleExample) throws {
    let tree = TreeFixture.load(example.triggers, replacingBase: example.replacesBase)
    let matching = tree.diagnostics.filter { $0.rule == example.rule }
    let path = try #require(example.triggers.keys.sorted().first)
    #expect(
      matching.contains { $0.location.path == path && $0.location.line == example.line }
        || example.rule == .ownersMissing,
      "expected \(example.rule.rawValue) at \(path):\(example.line), got \(tree.diagnostics)")
    #expect(!matching.isEmpty)
    #expect(!tree.isValid)
  }

  @Test(arguments: RuleExample.all)
  func doesNotTrigger(_ example: RuleExample) {
    let tree = TreeFixture.load(example.passes, replacingBase: example.replacesBase)
    #expect(tree.diagnostics.filter { $0.rule == example.rule }.isEmpty, "\(tree.diagnostics)")
    #expect(tree.isValid, "\(tree.diagnostics)")
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
