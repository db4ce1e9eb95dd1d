import Testing

@testable import BursarCommands

@Suite struct MarkdownTableTests {
  @Test(arguments: [
    ("a|b", true, "a\\|b"),
    ("two\nlines", true, "two lines"),
    ("<b>bold</b>", true, "&lt;b>bold&lt;/b>"),
    ("<b>|</b>", false, "<b>\\|</b>"),
    ("plain", true, "plain"),
  ])
  func escapesCells(text: String, escapingHTML: Bool, cell: String) {
    #expect(MarkdownTable.cell(text, escapingHTML: escapingHTML) == cell)
  }

  @Test func writesRows() {
    #expect(MarkdownTable.row(["kind", "a|b", "x\ny"]) == "| kind | a\\|b | x y |")
  }

  @Test func inlineTextKeepsPipes() {
    #expect(MarkdownTable.inline("a | <b>\nc") == "a | &lt;b> c")
    #expect(MarkdownTable.inline("a | <b>", escapingHTML: false) == "a | <b>")
  }
}
