import BudgetKit

/// The figure a metric takes from raw samples, named by the end of the metric's name.
///
/// `latency_p95` is the 95th percentile of the samples called `latency`; `p999` is the 99.9th,
/// `p9999` the 99.99th, `p995` and `p99.5` the 99.5th; `median` is p50, `min` p0 and `max` p100; `mean`
/// (or `avg`) is the arithmetic mean.
public enum SampleStatistic: Sendable, Hashable, CustomStringConvertible {
  case percentile(Double)
  case mean

  /// The samples' name and the statistic, split from a metric name such as `latency_p95`; nil
  /// when the name ends in no statistic.
  public static func split(_ metric: String) -> (samples: String, statistic: SampleStatistic)? {
    guard let underscore = metric.lastIndex(of: "_") else { return nil }
    let base = String(metric[..<underscore])
    let suffix = metric[metric.index(after: underscore)...]
    guard !base.isEmpty, let statistic = parse(suffix) else { return nil }
    return (base, statistic)
  }

  /// A statistic written on its own: `p95`, `p999`, `p99.9`, `median`, `min`, `max`, `mean`.
  public static func parse(_ text: Substring) -> SampleStatistic? {
    switch text {
    case "median": return .percentile(50)
    case "min": return .percentile(0)
    case "max": return .percentile(100)
    case "mean", "avg": return .mean
    default: break
    }
    guard text.first == "p" else { return nil }
    let digits = text.dropFirst()
    guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) else {
      return nil
    }
    if digits.contains(".") {
      guard let value = Double(digits), value <= 100, digits.first != ".", digits.last != "." else {
        return nil
      }
      return .percentile(value)
    }
    // Two digits are whole percents; further digits, after `99` only, are decimals of the
    // second (p999 → 99.9, p995 → 99.5), as latency percentiles are usually named.
    if digits == "100" { return .percentile(100) }
    guard digits.count <= 2 || digits.hasPrefix("99") else { return nil }
    let written = digits.count <= 2 ? String(digits) : digits.prefix(2) + "." + digits.dropFirst(2)
    return Double(written).map(SampleStatistic.percentile)
  }

  public var description: String {
    switch self {
    case .mean: "mean"
    case .percentile(let percent): "p\(NumberText.format(percent))"
    }
  }
}
