import BudgetKit
import Foundation

/// Reading the figures of the later metric shapes: per-group values or counts, the two samples
/// of a drift test, and the timestamped values of a rolling gauge.
extension MeasurementValueReader {
  /// `{groups: {a: 1.9%, b: {count: 26, total: 1000}}, overall: 2.4%}`: each group a value
  /// (in `unit`, when given) or counts; all values of one unit family; counts for every group
  /// or for none.
  func groups(_ node: MeasurementNode, unit: QuantityUnit?, what: String) -> GroupFigures? {
    guard let groupsNode = node["groups"] else {
      problems.add(
        node.location, "\(what) gives `overall` but no `groups`",
        hint: "groups: { online: 1.9%, in_store: 2.6% }")
      return nil
    }
    let entries = self.entries(groupsNode, "`groups` of \(what)")
    guard entries.count >= 2 else {
      if case .mapping = groupsNode {
        problems.add(
          groupsNode.location, "`groups` of \(what) names \(entries.count) group; a gap needs two")
      }
      return nil
    }
    var groups: [GroupFigures.Group] = []
    var shownUnit = unit
    var seen: Set<String> = []
    for entry in entries {
      let name = entry.key
      let label = "group `\(ValueReader.clip(name))` of \(what)"
      guard !name.isEmpty, seen.insert(name).inserted else {
        problems.add(entry.keyLocation, "\(label) is named twice or not at all")
        return nil
      }
      if case .mapping = entry.value {
        guard let counted = groupCounts(entry.value, label) else { return nil }
        groups.append(
          GroupFigures.Group(
            name: name, value: counted.total == 0 ? 0 : counted.count / counted.total,
            count: counted.count, total: counted.total, location: entry.value.location))
        shownUnit = shownUnit ?? QuantityUnit.named("%")
        continue
      }
      guard let quantity = quantity(entry.value, label, unit: unit) else { return nil }
      let first = shownUnit ?? quantity.unit
      shownUnit = first
      guard quantity.family.unified(with: first.family) != nil else {
        problems.add(
          entry.value.location,
          "\(label) is a \(quantity.family), but the first group is a \(first.family)")
        return nil
      }
      groups.append(
        GroupFigures.Group(
          name: name, value: ExactValue.double(quantity), location: entry.value.location))
    }
    let counted = groups.filter { $0.count != nil }
    guard counted.isEmpty || counted.count == groups.count else {
      problems.add(
        groupsNode.location,
        "`groups` of \(what) mixes counts and values; give every group the same way")
      return nil
    }
    var overall: Double?
    if let overallNode = node["overall"] {
      guard let quantity = quantity(overallNode, "`overall` of \(what)", unit: unit) else {
        return nil
      }
      overall = ExactValue.double(quantity)
    } else if !counted.isEmpty {
      let total = counted.reduce(0) { $0 + ($1.total ?? 0) }
      overall = total == 0 ? nil : counted.reduce(0) { $0 + ($1.count ?? 0) } / total
    }
    return GroupFigures(
      groups: groups, overall: overall, unit: shownUnit ?? .plain, location: node.location)
  }

  /// `{count: 26, total: 1000}`: whole, non-negative, count ≤ total.
  private func groupCounts(_ node: MeasurementNode, _ what: String) -> (
    count: Double, total: Double
  )? {
    guard mapping(node, what, allowed: ["count", "total"]) != nil else { return nil }
    guard let countNode = node["count"], let totalNode = node["total"] else {
      problems.add(node.location, "\(what) needs `count` and `total`")
      return nil
    }
    guard let count = plainCount(countNode, "`count` of \(what)"),
      let total = plainCount(totalNode, "`total` of \(what)")
    else { return nil }
    guard count <= total else {
      problems.add(
        countNode.location,
        "\(what) counts \(NumberText.format(count)) of \(NumberText.format(total)); a count is at most its total"
      )
      return nil
    }
    return (count, total)
  }

  private func plainCount(_ node: MeasurementNode, _ what: String) -> Double? {
    guard let quantity = quantity(node, what) else { return nil }
    guard quantity.family == .number else {
      problems.add(node.location, "\(what) is `\(quantity.text)`; counts have no unit")
      return nil
    }
    return ExactValue.double(quantity)
  }

  /// `{reference: […], current: […]}`: two lists of samples, of one unit family.
  func driftSamples(_ node: MeasurementNode, unit: QuantityUnit?, what: String) -> DriftSamples? {
    guard let referenceNode = node["reference"], let currentNode = node["current"] else {
      problems.add(
        node.location, "the drift samples of \(what) need `reference` and `current`",
        hint: "reference: [12.5, 40.1, …], current: [13.0, 39.8, …]")
      return nil
    }
    guard let reference = samples(referenceNode, unit: unit, what: "`reference` of \(what)"),
      let current = samples(currentNode, unit: unit, what: "`current` of \(what)")
    else { return nil }
    guard reference.family.unified(with: current.family) != nil else {
      problems.add(
        currentNode.location,
        "`current` of \(what) is in \(current.family), but `reference` is in \(reference.family)")
      return nil
    }
    return DriftSamples(reference: reference, current: current, location: node.location)
  }

  /// `{times: [2026-11-24T00:00:00Z, …], values: [0.95, …]}`: instants (RFC 3339 text, or
  /// seconds since 1970 as JSON numbers) paired with values of one unit family.
  func gauge(_ node: MeasurementNode, unit: QuantityUnit?, what: String) -> GaugeSeries? {
    guard let timesNode = node["times"], let valuesNode = node["values"] else {
      problems.add(
        node.location, "the gauge series of \(what) needs `times` and `values`",
        hint: "times: [2026-11-24T00:00:00Z, 2026-11-24T01:00:00Z], values: [0.95, 0.94]")
      return nil
    }
    guard let times = instants(timesNode, "`times` of \(what)"),
      let values = samples(valuesNode, unit: unit, what: "`values` of \(what)")
    else { return nil }
    let ordered = valuesInOrder(valuesNode, unit: unit, what: "`values` of \(what)")
    guard let ordered, ordered.count == times.count else {
      if ordered != nil {
        problems.add(
          valuesNode.location,
          "\(what) has \(times.count) `times` and \(ordered?.count ?? 0) `values`; they must pair up"
        )
      }
      return nil
    }
    return GaugeSeries(
      series: TimeSeries(times: times, values: ordered), unit: values.unit,
      location: node.location)
  }

  /// The values as written, in order (a `SampleSet` keeps them sorted).
  private func valuesInOrder(_ node: MeasurementNode, unit: QuantityUnit?, what: String)
    -> [Double]?
  {
    switch node {
    case .numbers(let values, _):
      let scale = UnitScale(unit ?? .plain)
      return values.map(scale.toBase)
    case .list(let items, _):
      var values: [Double] = []
      for (index, item) in items.enumerated() {
        guard let quantity = quantity(item, "item \(index + 1) of \(what)", unit: unit) else {
          return nil
        }
        values.append(ExactValue.double(quantity))
      }
      return values
    default:
      return nil
    }
  }

  /// Instants: RFC 3339 text with an offset, or seconds since 1970 as JSON numbers.
  private func instants(_ node: MeasurementNode, _ what: String) -> [Double]? {
    switch node {
    case .numbers(let values, let location):
      if let index = values.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
        problems.add(location, "item \(index + 1) of \(what) is not an instant")
        return nil
      }
      return values
    case .list(let items, _):
      var times: [Double] = []
      for (index, item) in items.enumerated() {
        guard case .scalar(let scalar) = item, !scalar.isNull else {
          problems.add(item.location, "item \(index + 1) of \(what) must be a timestamp")
          return nil
        }
        if scalar.isNumber, let seconds = Double(scalar.text), seconds.isFinite, seconds >= 0 {
          times.append(seconds)
          continue
        }
        guard let date = Timestamp.parse(scalar.text) else {
          problems.add(
            scalar.location,
            "item \(index + 1) of \(what) is `\(ValueReader.clip(scalar.text))`, which is not a timestamp",
            hint: "write 2026-11-25T10:00:00Z (an offset is required)")
          return nil
        }
        times.append(date.timeIntervalSince1970)
      }
      return times
    default:
      problems.add(
        node.location, "\(what) must be a list of timestamps, found \(node.kindDescription)")
      return nil
    }
  }
}
