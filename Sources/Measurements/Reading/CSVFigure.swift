import BudgetKit
import Foundation

/// The rows of one budget's metric in a measurements CSV, gathered until the file ends.
struct CSVFigure {
  /// The kind of rows a figure is made of; one figure never mixes them.
  enum Kind: String {
    case summary = "a `value`"
    case samples = "`sample` rows"
    case series = "`good`/`total` rows"
  }

  var budget: Located<BudgetName>
  var metric: Located<MetricName>
  var kind: Kind?
  var summary: Located<Quantity>?
  // Samples and buckets are stored properties, not enum payloads, so appending one row does not
  // copy every row before it.
  var samples: [Double] = []
  var sampleUnit: QuantityUnit?
  var bucketWidth: Quantity?
  var buckets: [CSVBucket] = []

  init(budget: Located<BudgetName>, metric: Located<MetricName>) {
    self.budget = budget
    self.metric = metric
  }

  /// The figure as measured, or a problem with the series' buckets.
  func measured() throws(MeasurementsError) -> MeasuredEntry? {
    let location = metric.location
    switch kind {
    case nil:
      return nil
    case .summary?:
      return summary.map { MeasuredEntry(name: metric, value: .summary($0)) }
    case .samples?:
      let set = SampleSet(baseValues: samples, unit: sampleUnit ?? .plain, location: location)
      return MeasuredEntry(name: metric, value: .samples(set))
    case .series?:
      let width = bucketWidth.map(ExactValue.double) ?? 0
      return MeasuredEntry(
        name: metric, value: .series(try Self.series(bucket: width, buckets: buckets, at: location))
      )
    }
  }

  /// Buckets in file order, or placed by their `start` with empty buckets in any gap.
  private static func series(bucket: Double, buckets: [CSVBucket], at location: SourceLocation)
    throws(MeasurementsError)
    -> SLISeries
  {
    let starts = buckets.compactMap(\.start)
    guard !starts.isEmpty else {
      return SLISeries(
        bucket: bucket, good: buckets.map(\.good), total: buckets.map(\.total), location: location)
    }
    guard starts.count == buckets.count else {
      throw MeasurementsError(
        location, "some buckets of this series have a `start` and some do not; give all or none")
    }
    let first = starts.min() ?? Date()
    var slots: [Int: CSVBucket] = [:]
    for item in buckets {
      let offset = (item.start ?? first).timeIntervalSince(first) / bucket
      let slot = Int(offset.rounded())
      guard abs(offset - Double(slot)) < 1e-6 else {
        throw MeasurementsError(
          item.location, "this bucket does not start a whole number of buckets after the first")
      }
      guard slots[slot] == nil else {
        throw MeasurementsError(item.location, "two buckets of this series start at the same time")
      }
      slots[slot] = item
    }
    let count = (slots.keys.max() ?? 0) + 1
    guard count <= 10_000_000 else {
      throw MeasurementsError(location, "the series spans more than ten million buckets")
    }
    var good = [Double](repeating: 0, count: count)
    var total = [Double](repeating: 0, count: count)
    for (slot, item) in slots {
      good[slot] = item.good
      total[slot] = item.total
    }
    return SLISeries(bucket: bucket, good: good, total: total, location: location)
  }
}

/// One bucket of an SLI series, as one CSV row.
struct CSVBucket {
  var start: Date?
  var good: Double
  var total: Double
  var location: SourceLocation
}
