import BudgetKit
import Foundation
import Testing

@testable import BursarCommands

/// `history --format json` written figure by figure is byte for byte the document
/// `JSONEncoder` makes whole.
@Suite struct HistoryJSONWriterTests {
  static func quantity(_ text: String) -> Quantity {
    try! QuantityParser.parse(text).get()
  }

  static func figure(_ index: Int, exceptions: [String], value: Decimal?) -> HistoryJSON.Figure {
    HistoryJSON.Figure(
      commit: String(repeating: "a\(index % 10)", count: 20), commit_time: "2026-11-25T10:00:00Z",
      run: "r\(index)", instant: "2026-11-25T10:00:0\(index % 10)Z",
      recorder: "Zoë \"CI\" <ci@example.com> / 名前 🚀 \\ tab\there", environment: "production",
      budget: "model-\(index)", metric: "latency_p95", measured: "\(index)ms",
      value: value.map { JSONOutput.Number($0) }, unit: "ms",
      limit: CheckJSONRenderer.Limit(
        index % 2 == 0 ? Bound(max: quantity("100ms")) : Bound(min: quantity("0.5"), slo: nil)),
      verdict: index % 3 == 0 ? "excepted" : "within",
      exception: index % 3 == 0 ? "EXC-1" : nil, exceptions_in_force: exceptions,
      budgets_invalid: index % 4 == 0)
  }

  static func pieces(_ document: HistoryJSON) -> String {
    var written = ""
    HistoryJSONWriter().write(document, figures: document.figures) { written += $0 }
    return written
  }

  @Test(arguments: [0, 1, 2, 7, 3_000])
  func writesWhatTheEncoderWrites(count: Int) {
    let figures = (0..<count).map { index in
      Self.figure(
        index, exceptions: index % 2 == 0 ? [] : ["EXC-1", "EXC-2"],
        value: index % 5 == 0 ? nil : Decimal(index) / 1000)
    }
    for (budget, metric, environment) in [
      ("svc", "latency_p95", "staging"), (nil, nil, nil), ("figures", nil, "\"figures\" : ["),
    ] as [(String?, String?, String?)] {
      var document = HistoryJSON(
        heading: HistoryReport(
          rows: [], range: "main~5..main", budget: budget, metric: metric,
          environment: environment, recordedRuns: true))
      document.figures = figures
      #expect(Self.pieces(document) == JSONOutput.encode(document))
    }
  }
}
