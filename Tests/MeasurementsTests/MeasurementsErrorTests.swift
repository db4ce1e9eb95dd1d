import BudgetKit
import Measurements
import Testing

/// Unreadable or invalid measurements name the file, line and column.
@Suite struct MeasurementsErrorTests {
  struct Case: CustomStringConvertible, Sendable {
    var name: String
    var format: MeasurementsFormat
    var text: String
    var line: Int
    var column: Int
    var message: String
    var description: String { name }
  }

  static let header = "version: 1\nkind: Measurements\nvalues:\n  fraud-detector:\n"
  static let jsonHeader =
    "{\"version\": 1, \"kind\": \"Measurements\",\n\"values\": {\"fraud-detector\": {\n"

  static let cases: [Case] = [
    Case(
      name: "json trailing comma", format: .json, text: jsonHeader + "\"a\": \"1ms\",}}}", line: 3,
      column: 12, message: "expected a key"),
    Case(
      name: "json duplicate key", format: .json,
      text: jsonHeader + "\"a\": \"1ms\", \"a\": \"2ms\"}}}", line: 3, column: 13,
      message: "more than once"),
    Case(
      name: "json unclosed", format: .json, text: jsonHeader + "\"a\": \"1ms\"", line: 3,
      column: 11, message: "expected `,` or `}`"),
    Case(
      name: "json mixed list", format: .json,
      text: jsonHeader + "\"a\": {\"samples\": [1, \"x\"]}}}}", line: 3, column: 22,
      message: "only numbers"),
    Case(
      name: "json negative sample", format: .json,
      text: jsonHeader + "\"a\": {\"samples\": [1, -2]}}}}", line: 3, column: 18, message: "item 2"),
    Case(
      name: "json bad number", format: .json, text: jsonHeader + "\"a\": 01}}}", line: 3, column: 6,
      message: "leading zeros"),
    Case(
      name: "json unknown unit", format: .json, text: jsonHeader + "\"a\": \"12 parsecs\"}}}",
      line: 3, column: 6, message: "unit `parsecs`"),
    Case(
      name: "yaml unknown key", format: .yaml, text: header + "    a: { sample: [1] }\n", line: 5,
      column: 10, message: "unknown key `sample`"),
    Case(
      name: "yaml not a quantity", format: .yaml, text: header + "    a: fast\n", line: 5,
      column: 8, message: "not a quantity"),
    Case(
      name: "yaml anchor", format: .yaml, text: header + "    a: &x 1ms\n    b: *x\n", line: 5,
      column: 8, message: "anchors"),
    Case(
      name: "yaml duplicate", format: .yaml, text: header + "    a: 1ms\n    a: 2ms\n", line: 6,
      column: 5, message: "more than once"),
    Case(
      name: "yaml series mismatch", format: .yaml,
      text: header + "    a: { bucket: 5m, good: [1, 2], total: [2] }\n", line: 5, column: 43,
      message: "pair up"),
    Case(
      name: "yaml good above total", format: .yaml,
      text: header + "    a: { bucket: 5m, good: [3], total: [2] }\n", line: 5, column: 28,
      message: "more good events"),
    Case(
      name: "yaml bad bucket", format: .yaml,
      text: header + "    a: { bucket: 5MiB, good: [1], total: [2] }\n", line: 5, column: 18,
      message: "positive duration"),
    Case(
      name: "yaml bad at", format: .yaml,
      text: "version: 1\nkind: Measurements\nat: 2026-11-25T10:00\nvalues: {}\n", line: 3,
      column: 5, message: "not a date"),
    Case(
      name: "yaml wrong kind", format: .yaml, text: "version: 1\nkind: Budget\nvalues: {}\n",
      line: 2, column: 7, message: "`Measurements`"),
    Case(
      name: "csv unknown column", format: .csv, text: "budget,metric,valeu\n", line: 1, column: 15,
      message: "unknown column `valeu`"),
    Case(
      name: "csv short row", format: .csv, text: "budget,metric,value\nfraud-detector,a\n", line: 2,
      column: 1, message: "2 fields"),
    Case(
      name: "csv two kinds in a row", format: .csv, text: "budget,metric,value,sample\nb,a,1ms,2\n",
      line: 2, column: 1, message: "exactly one"),
    Case(
      name: "csv bad sample", format: .csv, text: "budget,metric,sample\nb,a,1ms\nb,a,fast\n",
      line: 3, column: 5, message: "not a sample"),
    Case(
      name: "csv mixed families", format: .csv, text: "budget,metric,sample\nb,a,1ms\nb,a,1MiB\n",
      line: 3, column: 5, message: "bytes"),
    Case(
      name: "csv second value", format: .csv, text: "budget,metric,value\nb,a,1ms\n\nb,a,2ms\n",
      line: 4, column: 5, message: "already has a `value`"),
    Case(
      name: "csv unclosed quote", format: .csv, text: "budget,metric,value\nb,a,\"1ms\n", line: 2,
      column: 5, message: "never closed"),
  ]

  @Test(arguments: cases)
  func located(_ example: Case) {
    do {
      _ = try MeasurementsParser().parse(
        Array(example.text.utf8), path: "m", format: example.format)
      Issue.record("\(example.name) was read")
    } catch {
      let problem = error.problems.first
      #expect(
        problem?.location == SourceLocation(path: "m", line: example.line, column: example.column),
        "\(error)")
      #expect(error.description.contains(example.message), "\(error)")
    }
  }

  @Test func yamlOverTheLimitSuggestsJSON() {
    let parser = MeasurementsParser(maxBytes: 1000, maxYAMLBytes: 10)
    #expect(throws: MeasurementsError.self) {
      try parser.parse(Array("version: 1\nkind: Measurements\n".utf8), path: "m.yaml")
    }
  }
}
