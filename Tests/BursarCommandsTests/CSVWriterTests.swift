import Testing

@testable import BursarCommands

@Suite struct CSVWriterTests {
  @Test(arguments: [
    ("plain", "plain"),
    ("a,b", "\"a,b\""),
    ("say \"hi\"", "\"say \"\"hi\"\"\""),
    ("two\nlines", "\"two\nlines\""),
    ("cr\rhere", "\"cr\rhere\""),
    ("", ""),
  ])
  func quotesAsRFC4180(text: String, field: String) {
    #expect(CSVWriter.field(.text(text)) == field)
  }

  @Test(arguments: [
    ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
    ("+cmd", "'+cmd"),
    ("-2+3", "'-2+3"),
    ("@import", "'@import"),
    ("-inf", "'-inf"),
    ("=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""),
  ])
  func guardsTextThatWouldRunAsAFormula(text: String, field: String) {
    #expect(CSVWriter.field(.text(text)) == field)
  }

  @Test(arguments: ["-12", "+0.5", "-1.5e3", "-0.3", "-.5", "42"])
  func leavesDecimalTextAlone(text: String) {
    #expect(CSVWriter.field(.text(text)) == text)
  }

  @Test(arguments: ["-0.3", "-1e-05", "=not-checked"])
  func neverPrefixesNumbers(text: String) {
    #expect(CSVWriter.field(.number(text)) == text)
  }

  @Test func writesRows() {
    #expect(CSVWriter.row([.text("a,b"), .number("-0.25"), .text("-x")]) == "\"a,b\",-0.25,'-x")
    #expect(CSVWriter.row(["kind", "commit"]) == "kind,commit")
  }
}
