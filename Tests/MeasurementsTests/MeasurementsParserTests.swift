import BudgetKit
import Foundation
import Measurements
import Testing

/// Reading measurements in JSON, YAML and CSV: summary values, raw samples and SLI series.
@Suite struct MeasurementsParserTests {
  static let json = """
    {
      "version": 1,
      "kind": "Measurements",
      "environment": "staging",
      "at": "2026-11-25T10:00:00Z",
      "values": {
        "fraud-detector": {
          "latency_p95": "112ms",
          "precision": 0.961,
          "memory": { "value": 1.5, "unit": "GiB" },
          "latency": { "samples": [12.5, 15, 1e2], "unit": "ms" },
          "availability": { "bucket": "5m", "good": [999, 1000], "total": [1000, 1000] }
        }
      }
    }
    """

  @Test func jsonSummariesSamplesAndSeries() throws {
    let measurements = try CheckFixtures.measurements(Self.json, format: .json)
    #expect(measurements.environment?.value == "staging")
    #expect(measurements.at?.value == Timestamp.parse("2026-11-25T10:00:00Z"))
    let budget = try #require(measurements.budgets.first)
    #expect(budget.name.value == "fraud-detector")
    #expect(
      budget.entries.map(\.name.value.rawValue) == [
        "latency_p95", "precision", "memory", "latency", "availability",
      ])
    guard case .summary(let latency) = budget.entries[0].value else {
      Issue.record("not a summary"); return
    }
    #expect(latency.value.text == "112ms")
    #expect(latency.location == SourceLocation(path: "m.json", line: 8, column: 22))
    guard case .summary(let precision) = budget.entries[1].value else {
      Issue.record("not a summary"); return
    }
    // Exactly 0.961, not the nearest double.
    #expect(precision.value.baseValue == Decimal(string: "0.961"))
    guard case .summary(let memory) = budget.entries[2].value else {
      Issue.record("not a summary"); return
    }
    #expect(memory.value.baseValue == Decimal(1.5 * 1024 * 1024 * 1024))
    guard case .samples(let samples) = budget.entries[3].value else {
      Issue.record("not samples"); return
    }
    #expect(samples.sorted == [0.0125, 0.015, 0.1])
    #expect(samples.unit.symbol == "ms")
    guard case .series(let series) = budget.entries[4].value else {
      Issue.record("not a series"); return
    }
    #expect(series.bucket == 300)
    #expect(series.good == [999, 1000])
  }

  @Test func yamlIsTheSameDocument() throws {
    let yaml = """
      version: 1
      kind: Measurements
      at: 2026-11-25
      values:
        fraud-detector:
          latency_p95: 112ms
          precision: 0.961
          latency: { samples: [12.5ms, 15ms, 0.1s] }
          availability: { bucket: 5m, good: [999, 1000], total: [1000, 1000] }
      """
    let budget = try #require(try CheckFixtures.measurements(yaml).budgets.first)
    guard case .samples(let samples) = budget.entries[2].value else {
      Issue.record("not samples"); return
    }
    #expect(samples.sorted == [0.0125, 0.015, 0.1])
    guard case .summary(let latency) = budget.entries[0].value else {
      Issue.record("not a summary"); return
    }
    #expect(latency.location == SourceLocation(path: "m.yaml", line: 6, column: 18))
  }

  @Test func csvRowsOfEachKind() throws {
    let csv = """
      budget,metric,value,sample,unit,bucket,start,good,total
      fraud-detector,latency_p95,112ms,,,,,,
      fraud-detector,latency,,12.5,ms,,,,
      fraud-detector,latency,,15ms,,,,,
      fraud-detector,latency,,1e2,ms,,,,
      fraud-detector,precision,0.961,,,,,,
      fraud-detector,availability,,,,5m,2026-11-25T10:10:00Z,1000,1000
      fraud-detector,availability,,,,5m,2026-11-25T10:00:00Z,999,1000
      """
    let budget = try #require(try CheckFixtures.measurements(csv, format: .csv).budgets.first)
    #expect(
      budget.entries.map(\.name.value.rawValue) == [
        "latency_p95", "latency", "precision", "availability",
      ])
    guard case .samples(let samples) = budget.entries[1].value else {
      Issue.record("not samples"); return
    }
    #expect(samples.sorted == [0.0125, 0.015, 0.1])
    guard case .series(let series) = budget.entries[3].value else {
      Issue.record("not a series"); return
    }
    // Placed by start: 10:00, an empty 10:05, then 10:10.
    #expect(series.good == [999, 0, 1000])
    #expect(series.total == [1000, 0, 1000])
  }

  @Test func formatIsDetectedFromNameThenContent() {
    #expect(MeasurementsFormat.detect(path: "a.JSON", bytes: []) == .json)
    #expect(MeasurementsFormat.detect(path: "a.yml", bytes: []) == .yaml)
    #expect(MeasurementsFormat.detect(path: "a.csv", bytes: []) == .csv)
    #expect(MeasurementsFormat.detect(path: "-", bytes: Array("  {\"a\": 1}".utf8)) == .json)
    #expect(
      MeasurementsFormat.detect(path: "-", bytes: Array("budget,metric,value\n".utf8)) == .csv)
    #expect(MeasurementsFormat.detect(path: "-", bytes: Array("version: 1\n".utf8)) == .yaml)
  }
}
