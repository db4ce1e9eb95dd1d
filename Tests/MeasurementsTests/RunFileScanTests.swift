import BudgetKit
import Foundation
import Testing

@testable import Measurements

/// The direct read of a run cut to one budget: plain documents are read as `JSONDecoder`
/// reads them, and whatever is not plain is left to it (nil), so `decode(_:file:only:)` gives
/// the same run either way.
@Suite struct RunFileScanTests {
  static let commit = String(repeating: "ab", count: 20)

  /// A run with a summary, samples (a histogram of whole numbers, exact doubles) and a series.
  static func run() throws -> RecordedRun {
    let json = """
      {"version": 1, "kind": "Measurements", "at": "2026-11-25T10:00:00Z", "values": {"fraud": {
        "latency_p95": "112ms", "precision": 0.961,
        "latency": {"unit": "ms", "samples": [12.5, 15, 11, 30.25, 18, 1e-3]},
        "availability": {"bucket": "1h", "good": [99, 98.5], "total": [100, 100]}},
        "search": {"latency_p95": "80ms"}}}
      """
    return RecordedRun(
      measurements: try MeasurementsParser().parse(Array(json.utf8), path: "m.json"),
      commit: commit, recordedAt: Date(timeIntervalSince1970: 1_764_000_000.5), environment: nil,
      source: RunSource(tool: "bursar", format: "json", file: "m.json"),
      recorder: RunRecorder(name: "Zoë 山田", email: "ci@example.com"))
  }

  @Test func readsAPlainCutAsTheDecoderDoes() throws {
    let run = try Self.run()
    let bytes = RunDocument.encode(run)
    let cut = try #require(RunBudgetSlice.slice(bytes, keeping: "fraud"))
    let scanned = try #require(RunFileScan.read(cut))
    let decoded = try JSONDecoder().decode(RunFile.self, from: Data(cut))
    #expect(RunJSONWriter.encode(scanned) == RunJSONWriter.encode(decoded))
    #expect(try scanned.run(file: "r.json") == decoded.run(file: "r.json"))
    #expect(scanned.budgets.map(\.name) == ["fraud"])
    #expect(scanned.budgets[0].figures.count == 4)
    let back = try RunDocument.decode(bytes, file: "r.json", only: "fraud")
    var expected = run
    expected.budgets = run.budgets.filter { $0.name == "fraud" }
    #expect(back == expected)
  }

  /// What is not plain is left to the decoder, and the run read is still the decoder's.
  @Test func leavesWhatIsNotPlainToTheDecoder() throws {
    let text = String(decoding: RunDocument.encode(try Self.run()), as: UTF8.self)
    let variants: [(from: String, to: String, read: Bool)] = [
      (#""name":"Zoë 山田""#, #""name":"Zo\u00eb \"x\"""#, false),
      (#""format":1"#, #""format":1.0"#, false),
      (#""format":1"#, #""format":1,"format":1"#, false),
      (#""significant_digits":3"#, #""significant_digits":3e0"#, false),
      (#""significant_digits":3"#, #""significant_digits":"3""#, false),
      (#""kind":"summary""#, #""kind":null"#, false),
      (#""sum":"#, #""sum":1e999,"x":"#, false),
      (#""sum":"#, #""sum":1e-999,"x":"#, false),
      (#""sum":"#, #""sum":0.0e-999,"x":"#, true),
      (#""measured_at":"#, #""measured_at":null,"y":"#, true),
    ]
    for (from, to, read) in variants {
      #expect(text.contains(from), "\(from)")
      let changed = Array(text.replacingOccurrences(of: from, with: to).utf8)
      if let cut = RunBudgetSlice.slice(changed, keeping: "fraud") {
        // A null optional is as plain as an absent one.
        #expect((RunFileScan.read(cut) != nil) == read, "\(to)")
      }
      // Whatever the decoder makes of it, the cut read and the whole read agree.
      let whole = Result { () throws(RunDocumentError) in
        try RunDocument.decodeWhole(changed, file: "r.json", only: "fraud")
      }
      let cutRead = Result { () throws(RunDocumentError) in
        try RunDocument.decode(changed, file: "r.json", only: "fraud")
      }
      #expect(whole == cutRead, "\(to)")
    }
  }
}
