import BudgetKit
import Testing

/// Problems whose fix takes one of bursar's commands carry a typed remedy, and no hint below
/// the command line names a command.
@Suite struct RemedyTests {
  @Test(arguments: [
    (RuleID.digestSyntax, Remedy.recomputeDigest), (.signatureSyntax, .signApproval),
    (.ownersMissing, .initialiseOwners),
  ])
  func triggersCarryTheirRemedy(rule: RuleID, remedy: Remedy) throws {
    let example = try #require(RuleExample.all.first { $0.rule == rule })
    let found = RuleExampleTests.diagnostics(example.triggers, of: example).filter {
      $0.rule == rule
    }
    #expect(!found.isEmpty)
    #expect(found.allSatisfy { $0.remedy == remedy && $0.hint == nil }, "\(found)")
  }

  @Test func noHintOfAnyRuleExampleNamesACommand() {
    for example in RuleExample.all {
      for diagnostic in RuleExampleTests.diagnostics(example.triggers, of: example) {
        #expect(diagnostic.hint?.contains("`bursar ") != true, "\(diagnostic)")
      }
    }
  }

  @Test func theDescriptionLeavesARemedyToTheCommandLine() {
    let diagnostic = Diagnostic(
      .ownersMissing, at: .start(of: ".budgets"), "no `kind: Owners` file under .budgets/",
      remedy: .initialiseOwners)
    #expect(
      diagnostic.description
        == ".budgets:1:1: error[owners-missing]: no `kind: Owners` file under .budgets/")
  }
}
