import BudgetKit
import Measurements
import Testing

/// The statistic a metric's name asks of raw samples.
@Suite struct SampleStatisticTests {
  @Test(arguments: [
    ("latency_p95", "latency", 95.0),
    ("latency_p50", "latency", 50),
    ("latency_p99", "latency", 99),
    ("latency_p999", "latency", 99.9),
    ("latency_p9999", "latency", 99.99),
    ("latency_p99.5", "latency", 99.5),
    ("latency_p995", "latency", 99.5),
    ("latency_p100", "latency", 100),
    ("latency_p5", "latency", 5),
    ("ttft_median", "ttft", 50),
    ("memory_max", "memory", 100),
    ("queue_wait_min", "queue_wait", 0),
    ("request_latency_p90", "request_latency", 90),
  ])
  func percentiles(name: String, samples: String, percent: Double) throws {
    let split = try #require(SampleStatistic.split(name))
    #expect(split.samples == samples)
    #expect(split.statistic == .percentile(percent))
  }

  @Test func mean() {
    #expect(SampleStatistic.split("cost_mean")?.statistic == .mean)
    #expect(SampleStatistic.split("cost_avg")?.statistic == .mean)
  }

  @Test(arguments: [
    "latency", "precision", "_p95", "latency_p", "latency_px", "latency_p1.2.3", "latency_p101.5",
    "latency_p101", "p95",
  ])
  func noStatistic(name: String) {
    #expect(SampleStatistic.split(name) == nil)
  }
}
