/// Reads a `kind: Exception` file.
struct ExceptionDecoder {
  let reader: ValueReader
  let path: String

  static let keys = [
    "version", "kind", "id", "budget", "environment", "metrics", "reason", "ticket", "starts",
    "expires",
  ]
  static let metricKeys = [
    "max", "min", "slo", "max_drop", "max_rise", "max_difference", "min_ratio", "p_value",
  ]

  /// The fields an exception may relax: every limit with a direction, never a window, a
  /// baseline or a sample count.
  static let grantedKeys: [BoundKey] = [
    .max, .min, .slo, .maxDrop, .maxRise, .maxDifference, .minRatio, .pValue,
  ]

  func decode(_ root: YAMLMapping) -> BudgetException? {
    guard
      let root = reader.mapping(
        .mapping(root), "an Exception", allowed: Self.keys,
        required: ["id", "budget", "metrics", "reason", "starts", "expires"])
    else { return nil }
    let id = root["id"].flatMap { reader.name($0, "`id`", as: ExceptionKind.self) }
    let budget = root["budget"].flatMap { reader.name($0, "`budget`", as: BudgetKind.self) }
    let environment =
      root["environment"].map { reader.name($0, "`environment`", as: EnvironmentKind.self) }
      ?? Located(EnvironmentName.production, at: root.location)
    let reason = root["reason"].flatMap { reader.text($0, "`reason`", allowEmpty: false) }
    let ticket = root["ticket"].flatMap { reader.text($0, "`ticket`")?.value }
    let starts = root["starts"].flatMap { reader.day($0, "`starts`") }
    let expires = root["expires"].flatMap { reader.day($0, "`expires`") }
    let metrics = root["metrics"].map(decodeMetrics) ?? []
    if let starts, let expires, expires.value < starts.value {
      reader.collector.report(
        .exceptionDates, at: expires.location,
        "the exception expires (\(expires.value)) before it starts (\(starts.value))")
    }
    guard let id, let budget, let environment, let reason, let starts, let expires else {
      return nil
    }
    return BudgetException(
      path: path, id: id, budget: budget, environment: environment, metrics: metrics,
      reason: reason.value, ticket: ticket, starts: starts, expires: expires)
  }

  private func decodeMetrics(_ value: YAMLValue) -> [MetricOverride] {
    let entries = reader.entries(value, "`metrics`")
    if entries.isEmpty {
      reader.collector.report(
        .emptyValue, at: value.location, "`metrics` names no metric the exception relaxes")
    }
    return entries.compactMap { entry in
      guard let name = reader.name(entry.key, at: entry.keyLocation, MetricKind.self) else {
        return nil
      }
      let what = "metric `\(entry.key)` of the exception"
      guard let mapping = reader.mapping(entry.value, what, allowed: Self.metricKeys) else {
        return nil
      }
      let (bound, locations) = BoundDecoder(reader: reader).read(
        mapping, keys: Self.grantedKeys, what: what)
      if locations.isEmpty {
        reader.collector.report(
          .boundShape, at: entry.keyLocation, "\(what) sets no `max`, `min` or `slo`")
      }
      return MetricOverride(name: name, bound: bound, fieldLocations: locations)
    }
  }
}
