import BudgetKit
import Foundation
import Measurements
import Testing

/// Reading the figures of the later metric shapes: groups, drift samples, timestamped values.
@Suite struct ShapeFiguresParserTests {
  static let json = """
    {
      "version": 1,
      "kind": "Measurements",
      "values": {
        "b": {
          "gap": { "groups": { "online": 0.019, "in_store": 0.026 }, "overall": 0.021 },
          "rate": { "groups": { "north": { "count": 80, "total": 100 }, "west": { "count": 0, "total": 0 } } },
          "drift": { "reference": [1, 2, 3], "current": [4, 5], "unit": "ms" },
          "gauge": { "times": [1795564800, 1795568400], "values": [0.95, 0.94] },
          "texts": { "times": ["2026-11-25T00:00:00Z", "2026-11-25T01:00:00Z"], "values": ["95%", "94%"] }
        }
      }
    }
    """

  func entry(_ name: String, in measurements: Measurements) throws -> MeasuredValue {
    try #require(measurements.budgets.first?.entry(named: MetricName(name))?.value)
  }

  @Test func jsonCarriesEachForm() throws {
    let measurements = try CheckFixtures.measurements(Self.json, format: .json)
    guard case .groups(let gap) = try entry("gap", in: measurements) else {
      Issue.record("gap is not groups")
      return
    }
    #expect(gap.groups.map(\.name) == ["online", "in_store"])
    #expect(gap.overall == 0.021)
    guard case .groups(let rate) = try entry("rate", in: measurements) else {
      Issue.record("rate is not groups")
      return
    }
    #expect(rate.groups.map(\.count) == [80, 0] && rate.groups.map(\.total) == [100, 0])
    guard case .drift(let drift) = try entry("drift", in: measurements) else {
      Issue.record("drift is not two samples")
      return
    }
    #expect(drift.reference.sorted == [0.001, 0.002, 0.003])
    #expect(drift.current.count == 2)
    guard case .gauge(let gauge) = try entry("gauge", in: measurements) else {
      Issue.record("gauge is not a series")
      return
    }
    #expect(gauge.series.times == [1_795_564_800, 1_795_568_400])
    #expect(gauge.series.values == [0.95, 0.94])
    guard case .gauge(let texts) = try entry("texts", in: measurements) else {
      Issue.record("texts is not a series")
      return
    }
    #expect(texts.series.times == gauge.series.times)
    #expect(texts.unit.symbol == "%")
  }

  static let mistakes: [(String, String)] = [
    ("gap: { groups: { a: 1% } }", "names 1 group; a gap needs two"),
    ("gap: { groups: { a: 1%, b: 2ms } }", "but the first group is a ratio"),
    ("gap: { groups: { a: 1%, b: { count: 2, total: 3 } } }", "mixes counts and values"),
    (
      "gap: { groups: { a: { count: 5, total: 3 }, b: { count: 1, total: 3 } } }",
      "a count is at most its total"
    ),
    (
      "gap: { groups: { a: { count: 1 }, b: { count: 1, total: 3 } } }", "needs `count` and `total`"
    ),
    ("gap: { overall: 2% }", "gives `overall` but no `groups`"),
    ("d: { reference: [1, 2] }", "need `reference` and `current`"),
    ("d: { reference: [1ms, 2ms], current: [1%, 2%] }", "but `reference` is in"),
    ("g: { times: [2026-11-25T00:00:00Z], values: [1, 2] }", "they must pair up"),
    ("g: { times: [2026-11-25T00:00:00], values: [1] }", "which is not a timestamp"),
    ("g: { values: [1] }", "needs `times` and `values`"),
  ]

  @Test(arguments: mistakes.indices)
  func aMistakeIsReportedAtItsPlace(_ index: Int) {
    let (figure, message) = Self.mistakes[index]
    let text = "version: 1\nkind: Measurements\nvalues:\n  b:\n    \(figure)\n"
    do {
      _ = try CheckFixtures.measurements(text)
      Issue.record("\(figure) was read")
    } catch let error as MeasurementsError {
      let problems = error.problems.map(\.message)
      #expect(problems.contains { $0.contains(message) }, "\(problems)")
      #expect(error.problems.allSatisfy { $0.location.line == 5 }, "\(error.problems)")
    } catch {
      Issue.record("\(error)")
    }
  }
}
