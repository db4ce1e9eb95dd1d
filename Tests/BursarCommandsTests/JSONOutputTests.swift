import Foundation
import Testing

@testable import BursarCommands

@Suite struct JSONOutputTests {
  @Test func writesDoublesAsTheirDecimals() throws {
    #expect(try #require(JSONOutput.Number(0.1 + 0.2)).description == "0.3")
    #expect(try #require(JSONOutput.Number(1.0 / 3.0)).description == "0.333333333333333")
    #expect(try #require(JSONOutput.Number(0.00001)).description == "0.00001")
    #expect(try #require(JSONOutput.Number(1500.0)).description == "1500")
    #expect(try #require(JSONOutput.Number(-0.3)).description == "-0.3")
    #expect(JSONOutput.Number(Double.infinity) == nil)
    #expect(JSONOutput.Number(Double.nan) == nil)
  }

  @Test func encodesNumbersExactlyInDocuments() {
    let numbers = ["burn": JSONOutput.Number(0.1 + 0.2)]
    #expect(JSONOutput.encode(numbers, pretty: false) == "{\"burn\":0.3}")
  }

  @Test func sortsKeysAndKeepsSlashes() {
    let document = ["path": ".budgets/a.yaml", "kind": "x"]
    #expect(
      JSONOutput.encode(document) == "{\n  \"kind\" : \"x\",\n  \"path\" : \".budgets/a.yaml\"\n}")
  }

  /// The streaming writer gives the text `JSONEncoder` gives for the same values.
  @Test func objectMatchesTheEncoder() throws {
    struct Row: Encodable {
      var approvals: [String]
      var rationale: String
      var relative_change: JSONOutput.Number?
    }
    let rationale = "quote \" backslash \\ tab \t bell \u{07} é / slash"
    var writer = JSONOutput.Object()
    writer.strings("approvals", ["a.yaml", "b\"c"])
    writer.string("rationale", rationale)
    writer.number("relative_change", JSONOutput.Number(0.3))
    let row = Row(
      approvals: ["a.yaml", "b\"c"], rationale: rationale, relative_change: JSONOutput.Number(0.3))
    #expect(writer.finish() == JSONOutput.encode(row, pretty: false))
  }

  @Test func objectWritesMissingValuesAsNull() {
    var writer = JSONOutput.Object()
    writer.string("note", nil)
    writer.number("relative_change", nil)
    #expect(writer.finish() == "{\"note\":null,\"relative_change\":null}")
  }
}
