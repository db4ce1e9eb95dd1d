import BudgetKit
import Measurements
import Testing

/// Measurements that cannot be judged: unknown names, mismatched units, figures of the wrong kind.
@Suite struct CheckErrorTests {
  func failure(_ text: String, environment: EnvironmentName? = nil) throws -> CheckError {
    let problems = try failures(text, environment: environment)
    #expect(problems.count == 1, "\(problems)")
    return try #require(problems.first)
  }

  func failures(_ text: String, environment: EnvironmentName? = nil) throws -> [CheckError] {
    do {
      _ = try CheckFixtures.check(text, environment: environment)
    } catch let error as CheckProblems {
      return error.problems
    }
    throw UnexpectedSuccess()
  }

  struct UnexpectedSuccess: Error {}

  @Test func unknownEnvironmentFromTheCommandLine() throws {
    let error = try failure(CheckFixtures.yaml("latency_p95: 1ms"), environment: "qa")
    #expect(
      error.description == "unknown environment `qa`; the budgets define `production`, `staging`")
  }

  @Test func unknownEnvironmentFromTheFileIsLocated() throws {
    let text = "version: 1\nkind: Measurements\nenvironment: prod\nvalues: {}\n"
    #expect(try failure(text).description.hasPrefix("m.yaml:3:14: unknown environment `prod`"))
  }

  @Test func environmentTheBudgetDoesNotDefine() throws {
    let error = try failure(
      CheckFixtures.yaml("throughput: 1/s", budget: "search-ranking"), environment: "staging")
    #expect(
      error.description
        == "m.yaml:4:3: budget `search-ranking` has no environment `staging`; it defines `production`"
    )
  }

  @Test func unknownBudgetSuggestsTheNearest() throws {
    let error = try failure(CheckFixtures.yaml("latency_p95: 1ms", budget: "fraud-detecter"))
    #expect(
      error.description
        == "m.yaml:4:3: no budget is named `fraud-detecter` (did you mean `fraud-detector`?)")
  }

  /// Every problem of a file at once, in the order of their places.
  @Test func everyProblemIsReportedSortedByPlace() throws {
    let text = """
      version: 1
      kind: Measurements
      values:
        fraud-detecter:
          latency_p95: 1ms
        fraud-detector:
          memory: 12
          latncy_p95: 1ms
      """
    let problems = try failures(text).map(\.description)
    #expect(problems.count == 3, "\(problems)")
    #expect(problems.first?.hasPrefix("m.yaml:4:3: no budget is named `fraud-detecter`") == true)
    #expect(problems.first?.contains("did you mean `fraud-detector`?") == true)
    #expect(problems.dropFirst().first?.hasPrefix("m.yaml:7:13: `memory`") == true)
    #expect(problems.last?.hasPrefix("m.yaml:8:5: `latncy_p95` is not a metric") == true)
  }

  @Test func unknownMetric() throws {
    let error = try failure(CheckFixtures.yaml("latncy_p95: 1ms"))
    #expect(
      error.description.hasPrefix("m.yaml:5:5: `latncy_p95` is not a metric of `fraud-detector`"))
    #expect(error.description.contains("did you mean `latency_p95`?"))
  }

  /// A unit family mismatch names the metric, the figure and the budget's unit.
  @Test(arguments: [
    (
      "latency_p95: 2GiB",
      "m.yaml:5:18: `latency_p95` of `fraud-detector` is measured as `2GiB` (bytes), but its budget is set in duration (max: 100ms)"
    ),
    (
      "cost_per_1k: 0.3 EUR",
      "m.yaml:5:18: `cost_per_1k` of `fraud-detector` is measured as `0.3 EUR` (money (EUR)), but its budget is set in money (USD) (max: 0.40 USD)"
    ),
    (
      "availability: 3ms",
      "m.yaml:5:19: `availability` of `fraud-detector` is measured as `3ms` (duration), but its budget is set in ratio (slo: 99.9%, window: 30d)"
    ),
    (
      "memory: 12",
      "m.yaml:5:13: `memory` of `fraud-detector` is measured as `12` (plain number), but its budget is set in bytes (max: 2GiB)"
    ),
  ])
  func unitMismatch(figure: String, message: String) throws {
    #expect(try failure(CheckFixtures.yaml(figure)).description == message)
  }

  @Test func ratioAboveOneHundredPercent() throws {
    #expect(try failure(CheckFixtures.yaml("precision: 120%")).description.contains("above 100%"))
  }

  @Test func samplesForAnSLOMetric() throws {
    let error = try failure(CheckFixtures.yaml("availability: { samples: [0.9, 1] }"))
    #expect(error.description.contains("an `slo` metric takes its SLI as a ratio"))
  }

  @Test func samplesWithoutAStatistic() throws {
    let error = try failure(CheckFixtures.yaml("memory: { samples: [1, 2], unit: GiB }"))
    #expect(error.description.contains("such as `memory_p95` or `memory_max`"))
  }

  @Test func seriesForACap() throws {
    let error = try failure(
      CheckFixtures.yaml("latency_p95: { bucket: 5m, good: [1], total: [1] }"))
    #expect(error.description.contains("measures an `slo` metric only"))
  }
}
