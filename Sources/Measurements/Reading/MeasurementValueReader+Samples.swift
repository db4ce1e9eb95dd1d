import BudgetKit
import Foundation

/// Reading raw samples and SLI series.
extension MeasurementValueReader {
  /// Raw samples: a list of numbers in `unit` (JSON), or of quantities (YAML: `[12ms, 15ms]`).
  func samples(_ node: MeasurementNode, unit: QuantityUnit?, what: String) -> SampleSet? {
    switch node {
    case .numbers(let values, let location):
      let unit = unit ?? .plain
      guard
        let base = baseValues(
          values, scale: UnitScale(unit), at: location, what: "samples of \(what)")
      else { return nil }
      return SampleSet(baseValues: base, unit: unit, location: location)
    case .list(let items, let location):
      guard !items.isEmpty else {
        problems.add(location, "the samples of \(what) are empty", hint: "give at least one sample")
        return nil
      }
      return quantitySamples(items, unit: unit, at: location, what: what)
    default:
      problems.add(
        node.location,
        "the samples of \(what) must be a list of numbers, found \(node.kindDescription)")
      return nil
    }
  }

  /// Samples written one quantity each, all of one unit family.
  private func quantitySamples(
    _ items: [MeasurementNode], unit: QuantityUnit?, at location: SourceLocation, what: String
  ) -> SampleSet? {
    var values: [Double] = []
    values.reserveCapacity(items.count)
    var shownUnit = unit
    for (index, item) in items.enumerated() {
      guard let quantity = quantity(item, "sample \(index + 1) of \(what)", unit: unit) else {
        return nil
      }
      let first = shownUnit ?? quantity.unit
      shownUnit = first
      guard quantity.family.unified(with: first.family) != nil else {
        problems.add(
          item.location,
          "sample \(index + 1) of \(what) is a \(quantity.family), but the first is a \(first.family)"
        )
        return nil
      }
      values.append(ExactValue.double(quantity))
    }
    return SampleSet(baseValues: values, unit: shownUnit ?? .plain, location: location)
  }

  /// `{bucket: 5m, good: […], total: […]}`: equal lists of non-negative counts, good ≤ total.
  func series(_ node: MeasurementNode, what: String) -> SLISeries? {
    guard let bucketNode = node["bucket"], let goodNode = node["good"],
      let totalNode = node["total"]
    else {
      problems.add(node.location, "the SLI series of \(what) needs `bucket`, `good` and `total`")
      return nil
    }
    guard let bucket = quantity(bucketNode, "`bucket` of \(what)") else { return nil }
    guard bucket.family == .duration, ExactValue.double(bucket) > 0 else {
      problems.add(
        bucketNode.location, "`bucket` of \(what) must be a positive duration such as `5m`")
      return nil
    }
    guard let good = counts(goodNode, "`good` of \(what)"),
      let total = counts(totalNode, "`total` of \(what)")
    else {
      return nil
    }
    guard good.count == total.count, !total.isEmpty else {
      problems.add(
        totalNode.location,
        "\(what) has \(good.count) `good` and \(total.count) `total` buckets; they must pair up, at least one"
      )
      return nil
    }
    if let index = good.indices.first(where: { good[$0] > total[$0] }) {
      problems.add(
        goodNode.location,
        "bucket \(index + 1) of \(what) has more good events (\(NumberText.format(good[index]))) than events (\(NumberText.format(total[index])))"
      )
      return nil
    }
    return SLISeries(
      bucket: ExactValue.double(bucket), good: good, total: total, location: node.location)
  }

  /// A list of event counts.
  private func counts(_ node: MeasurementNode, _ what: String) -> [Double]? {
    switch node {
    case .numbers(let values, let location):
      return baseValues(values, scale: nil, at: location, what: what)
    case .list(let items, _):
      var values: [Double] = []
      for (index, item) in items.enumerated() {
        guard let count = quantity(item, "item \(index + 1) of \(what)") else { return nil }
        guard count.family == .number else {
          problems.add(
            item.location,
            "item \(index + 1) of \(what) is `\(count.text)`; event counts have no unit")
          return nil
        }
        values.append(ExactValue.double(count))
      }
      return values
    default:
      problems.add(
        node.location, "\(what) must be a list of event counts, found \(node.kindDescription)")
      return nil
    }
  }

  /// Numbers scaled to the base unit (unscaled without a scale); negative or non-finite ones are refused by position.
  private func baseValues(
    _ values: [Double], scale: UnitScale?, at location: SourceLocation, what: String
  ) -> [Double]? {
    if let index = values.firstIndex(where: { !($0 >= 0) || !$0.isFinite }) {
      problems.add(
        location,
        "item \(index + 1) of the \(what) is \(NumberText.format(values[index])); measured figures are finite and never negative"
      )
      return nil
    }
    guard let scale else { return values }
    return values.map(scale.toBase)
  }
}
