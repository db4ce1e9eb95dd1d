import BudgetKit
import Testing

@testable import BursarCommands

/// Every format of `audit` on one hand-built list of findings.
@Suite struct AuditRendererTests {
  let findings = [
    AuditFinding(
      kind: .unsigned, commit: "0123456789abcdef", date: "2026-11-25", author: "Ann",
      path: ".budgets/checkout.yaml", detail: "max 300ms → 450ms, needs sre"),
    AuditFinding(
      kind: .invalidTree, commit: "fedcba9876543210", date: "2026-11-26", author: "Bo", path: "",
      detail: "=cmd|x <b>"),
  ]

  func render(_ format: AuditFormat) -> String {
    AuditRenderer(format: format, range: "main..HEAD", style: Style(enabled: false))
      .render(findings)
  }

  @Test func text() {
    #expect(
      render(.text) == """
        unsigned 0123456 2026-11-25 .budgets/checkout.yaml: max 300ms → 450ms, needs sre
        invalid-tree fedcba9 2026-11-26: =cmd|x <b>
        found: 2 findings in main..HEAD
        """)
  }

  @Test func csv() {
    #expect(
      render(.csv) == """
        kind,commit,date,author,path,detail
        unsigned,0123456789abcdef,2026-11-25,Ann,.budgets/checkout.yaml,"max 300ms → 450ms, needs sre"
        invalid-tree,fedcba9876543210,2026-11-26,Bo,,'=cmd|x <b>
        """)
  }

  @Test func markdown() {
    #expect(
      render(.markdown) == """
        ### bursar audit: ❌ 2 findings in `main..HEAD`

        | kind | commit | date | file | detail |
        |---|---|---|---|---|
        | unsigned | `0123456` | 2026-11-25 | `.budgets/checkout.yaml` | max 300ms → 450ms, needs sre |
        | invalid-tree | `fedcba9` | 2026-11-26 |  | =cmd\\|x <b> |
        """)
  }

  @Test func json() {
    #expect(
      render(.json) == """
        {
          "findings" : [
            {
              "author" : "Ann",
              "commit" : "0123456789abcdef",
              "date" : "2026-11-25",
              "detail" : "max 300ms → 450ms, needs sre",
              "kind" : "unsigned",
              "path" : ".budgets/checkout.yaml"
            },
            {
              "author" : "Bo",
              "commit" : "fedcba9876543210",
              "date" : "2026-11-26",
              "detail" : "=cmd|x <b>",
              "kind" : "invalid-tree",
              "path" : ""
            }
          ]
        }
        """)
  }

  @Test func clean() {
    let renderer = AuditRenderer(format: .markdown, range: "main..HEAD")
    #expect(renderer.render([]) == "### bursar audit: ✅ nothing to report in `main..HEAD`")
  }
}
