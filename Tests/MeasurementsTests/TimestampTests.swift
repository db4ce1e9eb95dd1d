import BudgetKit
import Foundation
import Measurements
import Testing

@Suite struct TimestampTests {
  @Test(arguments: [
    ("2026-11-25", 1_795_564_800.0),
    ("2026-11-25T10:00:00Z", 1_795_600_800),
    ("2026-11-25T10:00Z", 1_795_600_800),
    ("2026-11-25T11:00:00+01:00", 1_795_600_800),
    ("2026-11-25T05:30:00-04:30", 1_795_600_800),
    ("2026-11-25T10:00:00.250Z", 1_795_600_800.25),
  ])
  func parses(text: String, seconds: Double) {
    #expect(Timestamp.parse(text)?.timeIntervalSince1970 == seconds)
  }

  @Test(arguments: [
    "2026-11-25T10:00:00", "2026-11-31", "2026-11-25 10:00Z", "2026-11-25T25:00Z", "yesterday",
  ])
  func refuses(text: String) {
    #expect(Timestamp.parse(text) == nil)
  }
}

/// Numbers read from JSON are the doubles `Double(text)` gives, fast path or not.
@Suite struct JSONNumberTests {
  @Test(arguments: [
    "0", "0.1", "12.5", "1e2", "1E-5", "123456789012345678901234", "0.30000000000000004",
    "9007199254740993", "2.5e-320", "1.7976931348623157e308", "-0", "12.75", "999999999999999",
    "1234567890123456", "1.000000000000001", "0.000000000000001", "1796000000.123",
  ])
  func exact(text: String) throws {
    let json =
      "{\"version\": 1, \"kind\": \"Measurements\", \"values\": {\"b\": {\"s\": {\"samples\": [\(text)]}}}}"
    let measurements = try MeasurementsParser().parse(Array(json.utf8), path: "m.json")
    guard case .samples(let samples) = measurements.budgets.first?.entries.first?.value else {
      Issue.record("not samples")
      return
    }
    #expect(samples.sorted == [Double(text)!])
  }
}
