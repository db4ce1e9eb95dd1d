import BudgetKit
import Foundation
import Measurements
import Testing

/// The stored form of a recorded run: it reads back as written, its id follows its content,
/// and damaged, changed or newer documents are refused with their JSON path.
@Suite struct RunDocumentTests {
  static let commit = String(repeating: "ab", count: 20)

  static func measurements() throws -> Measurements {
    let json = """
      {"version": 1, "kind": "Measurements", "environment": "staging", "at": "2026-11-25T10:00:00Z", "values": {"fraud": {
        "latency_p95": "112ms", "precision": 0.961,
        "latency": {"unit": "ms", "samples": [12, 15, 11, 30, 18]},
        "availability": {"bucket": "1h", "good": [99, 98], "total": [100, 100]}}}}
      """
    return try MeasurementsParser().parse(Array(json.utf8), path: "m.json")
  }

  static func run(at seconds: Double = 1_764_000_000.123) throws -> RecordedRun {
    RecordedRun(
      measurements: try measurements(), commit: commit,
      recordedAt: Date(timeIntervalSince1970: seconds), environment: nil,
      source: RunSource(tool: "bursar", format: "json", file: "m.json"),
      recorder: RunRecorder(name: "CI", email: "ci@example.com"))
  }

  @Test func readsBackAsWritten() throws {
    let run = try Self.run()
    let bytes = RunDocument.encode(run)
    let back = try RunDocument.decode(bytes, file: "r.json")
    #expect(back == run)
    #expect(RunDocument.encode(back) == bytes)
    #expect(run.environment == "staging")
    #expect(run.figureCount == 4)
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.contains(#""format":1"#))
    #expect(text.contains(#""recorded_at":"2025-11-24T16:00:00.123Z""#))
    #expect(text.contains(#""significant_digits":3"#))
    guard case .samples(let summary)? = back.budgets.first?.figure(named: "latency")?.value else {
      Issue.record("no samples")
      return
    }
    #expect(summary.count == 5 && summary.minimum == 0.011 && summary.maximum == 0.03)
  }

  @Test func idFollowsContent() throws {
    let a = try Self.run()
    let b = try Self.run()
    let later = try Self.run(at: 1_764_000_001)
    #expect(a.id == b.id)
    #expect(a.id != later.id)
    #expect(a.id.rawValue.count == 32)
    // The id is the hash of the bytes with an empty id, which are then given it.
    #expect(RunDocument.identified(a).bytes == RunDocument.encode(a))
    var signed = a
    signed.signature = "-----BEGIN SSH SIGNATURE-----"
    #expect(RunDocument.id(of: signed) == a.id)
  }

  @Test func refusesANewerFormat() throws {
    var text = String(decoding: RunDocument.encode(try Self.run()), as: UTF8.self)
    text = text.replacingOccurrences(of: #""format":1"#, with: #""format":2"#)
    #expect(
      throws: RunDocumentError(file: "r.json", jsonPath: "$.format", reason: .futureFormat(2))
    ) {
      try RunDocument.decode(Array(text.utf8), file: "r.json")
    }
    let error = try #require(throws: RunDocumentError.self) {
      try RunDocument.decode(Array(text.utf8), file: "r.json")
    }
    #expect(error.description.contains("format 2, newer than format 1"))
  }

  /// `history` of one budget reads that budget's figures alone: the same figures as a full
  /// read, other budgets left out undecoded (even damaged ones), the id not checked.
  @Test func readsOneBudgetAlone() throws {
    let json = """
      {"version": 1, "kind": "Measurements", "values": {
        "fraud": {"latency_p95": "112ms", "latency": {"unit": "ms", "samples": [12, 15, 11]}},
        "search": {"latency_p95": "80ms", "recall": 0.9}}}
      """
    let run = RecordedRun(
      measurements: try MeasurementsParser().parse(Array(json.utf8), path: "m.json"),
      commit: Self.commit, recordedAt: Date(timeIntervalSince1970: 1_764_000_000),
      environment: nil, source: RunSource(tool: "bursar", format: "json", file: "m.json"),
      recorder: RunRecorder(name: "CI", email: "ci@example.com"))
    let bytes = RunDocument.encode(run)
    let fraud = try RunDocument.decode(bytes, file: "r.json", only: "fraud")
    #expect(fraud.budgets.map(\.name) == ["fraud"])
    #expect(fraud.budgets == run.budgets.filter { $0.name == "fraud" })
    #expect(fraud.id == run.id && fraud.recordedAt == run.recordedAt)
    #expect(try RunDocument.decode(bytes, file: "r.json", only: "other").budgets.isEmpty)
    var damaged = String(decoding: bytes, as: UTF8.self)
    damaged = damaged.replacingOccurrences(of: #""value":"80ms""#, with: #""value":"fast""#)
    #expect(throws: RunDocumentError.self) {
      try RunDocument.decode(Array(damaged.utf8), file: "r.json")
    }
    #expect(try RunDocument.decode(Array(damaged.utf8), file: "r.json", only: "fraud") == fraud)
    #expect(throws: RunDocumentError.self) {
      try RunDocument.decode(Array(damaged.utf8), file: "r.json", only: "search")
    }
    #expect(throws: RunDocumentError.self) {
      try RunDocument.decode(Array("{".utf8), file: "r.json", only: "fraud")
    }
  }

  @Test func refusesAChangedFigure() throws {
    var text = String(decoding: RunDocument.encode(try Self.run()), as: UTF8.self)
    text = text.replacingOccurrences(of: #""value":"112ms""#, with: #""value":"99ms""#)
    let error = try #require(throws: RunDocumentError.self) {
      try RunDocument.decode(Array(text.utf8), file: "r.json")
    }
    guard case .idMismatch = error.reason else {
      Issue.record("expected an id mismatch, got \(error)")
      return
    }
    #expect(error.jsonPath == "$.id")
  }

  @Test(arguments: [
    ("not json", "$"),
    (#"{"format":1}"#, "$.id"),
    (#"{"format":"1"}"#, "$.format"),
    (#"{"format":0}"#, "$.format"),
  ])
  func refusesMalformed(text: String, path: String) throws {
    let error = try #require(throws: RunDocumentError.self) {
      try RunDocument.decode(Array(text.utf8), file: "r.json")
    }
    #expect(error.jsonPath == path, "\(error)")
  }

  @Test func refusesCountsThatDoNotAddUp() throws {
    var text = String(decoding: RunDocument.encode(try Self.run()), as: UTF8.self)
    text = text.replacingOccurrences(of: #""count":5"#, with: #""count":6"#)
    let error = try #require(throws: RunDocumentError.self) {
      try RunDocument.decode(Array(text.utf8), file: "r.json")
    }
    #expect(error.jsonPath == "$.budgets[0].figures[2].histogram.counts", "\(error)")
  }
}
