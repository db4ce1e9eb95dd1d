import BudgetKit
import Ledger
import Measurements

/// What `history` shows: the rows, newest first, and the series they make per metric.
struct HistoryReport {
  var rows: [HistoryRow]
  /// `HEAD`, or the range as given.
  var range: String
  var budget: String?
  var metric: String?
  var environment: String?
  /// Whether any run is recorded at all, to say so when nothing is found.
  var recordedRuns: Bool

  /// One metric in one environment of one budget, and its rows, newest first.
  struct Series {
    var budget: BudgetName
    var metric: MetricName
    var environment: EnvironmentName
    /// Where its rows are in `rows`, newest first: a long history's rows are not copied.
    var rowIndices: [Int]
  }

  private struct SeriesKey: Hashable {
    var budget: BudgetName
    var metric: MetricName
    var environment: EnvironmentName
  }

  /// The rows grouped by budget, metric and environment, in the order first met.
  var series: [Series] {
    var order: [SeriesKey] = []
    var groups: [SeriesKey: Series] = [:]
    for (index, row) in rows.enumerated() {
      let key = SeriesKey(
        budget: row.result.budget, metric: row.result.metric, environment: row.run.environment)
      if groups[key] == nil {
        order.append(key)
        groups[key] = Series(
          budget: row.result.budget, metric: row.result.metric, environment: row.run.environment,
          rowIndices: [])
      }
      groups[key]?.rowIndices.append(index)
    }
    return order.compactMap { groups[$0] }
  }

  /// `within`, `breached`, `excepted EXC-1`.
  static func verdict(_ row: HistoryRow) -> String {
    CheckPresentation.verdict(row.result)
  }
}

/// Eight-level block sparklines: `▁▂▃▄▅▆▇█`, lowest to highest over the values shown.
enum Sparkline {
  static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

  /// One character per value, in order; a flat series is all `▄`.
  static func render(_ values: [Double]) -> String {
    let finite = values.filter(\.isFinite)
    guard let low = finite.min(), let high = finite.max() else { return "" }
    return String(
      values.map { value -> Character in
        guard value.isFinite else { return " " }
        guard high > low else { return levels[3] }
        let index = Int(((value - low) / (high - low) * Double(levels.count - 1)).rounded())
        return levels[min(max(index, 0), levels.count - 1)]
      })
  }
}
