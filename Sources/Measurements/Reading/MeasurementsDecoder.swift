import BudgetKit
import Foundation

/// Turns a JSON or YAML measurements document into `Measurements`, collecting every problem
/// with its place.
struct MeasurementsDecoder {
  let path: String

  static let keys = ["version", "kind", "environment", "at", "values"]

  func decode(_ root: MeasurementNode) throws(MeasurementsError) -> Measurements {
    let problems = ProblemList()
    let reader = MeasurementValueReader(problems: problems)
    guard let entries = reader.mapping(root, "a measurements file", allowed: Self.keys) else {
      throw problems.error
    }
    checkHeader(root, entries: entries, problems)
    let environment = root["environment"].flatMap {
      reader.name($0, "`environment`", EnvironmentKind.self)
    }
    let at = root["at"].flatMap(reader.instant)
    var budgets: [MeasuredBudget] = []
    if let values = root["values"] {
      budgets = reader.entries(values, "`values`").compactMap { decodeBudget($0, reader) }
    } else {
      problems.add(
        root.location, "a measurements file needs `values`",
        hint: "values: { <budget>: { <metric>: 112ms } }")
    }
    guard problems.isEmpty else { throw problems.error }
    return Measurements(path: path, environment: environment, at: at, budgets: budgets)
  }

  /// `version: 1` (unquoted in YAML, a number in JSON) and `kind: Measurements`.
  private func checkHeader(
    _ root: MeasurementNode, entries: [MeasurementEntry], _ problems: ProblemList
  ) {
    switch root["version"] {
    case nil: problems.add(root.location, "a measurements file needs `version: 1`")
    case .scalar(let scalar)? where scalar.text == "1" && !scalar.isQuoted: break
    case let version?:
      problems.add(version.location, "unsupported version; this bursar reads `version: 1`")
    }
    switch root["kind"] {
    case nil: problems.add(root.location, "a measurements file needs `kind: Measurements`")
    case .scalar(let scalar)? where scalar.text == "Measurements": break
    case let kind?: problems.add(kind.location, "the kind of a measurements file is `Measurements`")
    }
  }

  private func decodeBudget(_ entry: MeasurementEntry, _ reader: MeasurementValueReader)
    -> MeasuredBudget?
  {
    guard let name = reader.name(entry.key, at: entry.keyLocation, BudgetKind.self) else {
      return nil
    }
    let figures = reader.entries(entry.value, "the figures of `\(entry.key)`").compactMap {
      figure -> MeasuredEntry? in
      guard let metric = reader.name(figure.key, at: figure.keyLocation, MetricKind.self),
        let value = decodeValue(figure.value, what: "`\(figure.key)` of `\(entry.key)`", reader)
      else { return nil }
      return MeasuredEntry(name: metric, value: value)
    }
    return MeasuredBudget(name: name, entries: figures)
  }

  static let valueKeys = [
    "value", "unit", "samples", "bucket", "good", "total", "groups", "overall", "reference",
    "current", "times", "values",
  ]

  /// A summary value, `{value, unit}`, `{samples, unit}`, or `{bucket, good, total}`.
  private func decodeValue(_ node: MeasurementNode, what: String, _ reader: MeasurementValueReader)
    -> MeasuredValue?
  {
    guard case .mapping = node else {
      return reader.quantity(node, what).map { .summary(Located($0, at: node.location)) }
    }
    guard reader.mapping(node, what, allowed: Self.valueKeys) != nil else { return nil }
    let unit = node["unit"].flatMap { reader.unit($0, "`unit` of \(what)") }
    if let value = node["value"] {
      guard let quantity = reader.quantity(value, what, unit: unit) else { return nil }
      return .summary(Located(quantity, at: value.location))
    }
    if let samples = node["samples"] {
      return reader.samples(samples, unit: unit, what: what).map(MeasuredValue.samples)
    }
    if node["good"] != nil || node["total"] != nil || node["bucket"] != nil {
      return reader.series(node, what: what).map(MeasuredValue.series)
    }
    if node["groups"] != nil || node["overall"] != nil {
      return reader.groups(node, unit: unit, what: what).map(MeasuredValue.groups)
    }
    if node["reference"] != nil || node["current"] != nil {
      return reader.driftSamples(node, unit: unit, what: what).map(MeasuredValue.drift)
    }
    if node["times"] != nil || node["values"] != nil {
      return reader.gauge(node, unit: unit, what: what).map(MeasuredValue.gauge)
    }
    reader.problems.add(
      node.location, "\(what) gives no figure",
      hint:
        "write `value`, `samples`, `bucket` with `good` and `total`, `groups`, `reference` with `current`, or `times` with `values`"
    )
    return nil
  }
}

/// Problems found so far; a class so that the small readers can share one list.
final class ProblemList {
  private(set) var problems: [MeasurementsProblem] = []

  var isEmpty: Bool { problems.isEmpty }
  var error: MeasurementsError { MeasurementsError(problems) }

  func add(_ location: SourceLocation, _ message: String, hint: String? = nil) {
    problems.append(MeasurementsProblem(location, message, hint: hint))
  }
}
