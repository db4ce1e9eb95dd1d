import BudgetKit
import Testing

@testable import BursarCommands

/// The command line words each remedy as the hint every format prints.
@Suite struct RemedySentenceTests {
  @Test(arguments: [
    (Remedy.initialiseOwners, "`bursar init` writes a starter owners.yaml"),
    (
      .replaceBudgetsFile(root: ".budgets"),
      "move it aside and run `bursar init`, or make .budgets/ a folder of budget files"
    ),
    (
      .recomputeDigest,
      "write `sha256:` and 64 lowercase hex digits as `bursar digest` prints them, or `deleted`"
    ),
    (.signApproval, "`bursar approve` writes it; it starts with -----BEGIN SSH SIGNATURE-----"),
  ])
  func sentences(remedy: Remedy, sentence: String) {
    #expect(remedy.sentence == sentence)
    let diagnostic = Diagnostic(.yamlSyntax, at: .start(of: "a.yaml"), "m", remedy: remedy)
    #expect(diagnostic.hintSentence == sentence)
    #expect(diagnostic.sentence == "a.yaml:1:1: error[yaml-syntax]: m (\(sentence))")
  }

  @Test func aHintOfItsOwnIsPrintedAsItIs() {
    let diagnostic = Diagnostic(.yamlSyntax, at: .start(of: "a.yaml"), "m", hint: "h")
    #expect(diagnostic.hintSentence == "h")
    #expect(diagnostic.sentence == diagnostic.description)
  }

  @Test func textAndJSONCarryTheWordedRemedy() {
    let diagnostic = Diagnostic(
      .ownersMissing, at: .start(of: ".budgets"), "no `kind: Owners` file under .budgets/",
      remedy: .initialiseOwners)
    #expect(
      DiagnosticTextRenderer(style: Style(enabled: false)).render(
        ValidationReport(
          source: "the work tree", diagnostics: [diagnostic], fileCount: 1, ignored: [])
      ).contains("hint: `bursar init` writes a starter owners.yaml"))
  }
}
