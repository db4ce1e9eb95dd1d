/// Reads a `kind: Budget` file.
struct BudgetDecoder {
  let reader: ValueReader
  let path: String

  static let keys = ["version", "kind", "name", "owner", "description", "metrics", "environments"]
  static let metricKeys = ["dimension", "max", "min", "slo", "window", "description"]
  static let overrideKeys = ["max", "min", "slo", "window"]

  func decode(_ root: YAMLMapping) -> Budget? {
    guard
      let root = reader.mapping(
        .mapping(root), "a Budget", allowed: Self.keys, required: ["name", "owner", "metrics"])
    else { return nil }
    let name = root["name"].flatMap { reader.name($0, "`name`", as: BudgetKind.self) }
    let owner = root["owner"].flatMap { reader.name($0, "`owner`", as: TeamKind.self) }
    let description = root["description"].flatMap { reader.text($0, "`description`")?.value }
    let metrics = root["metrics"].map(decodeMetrics) ?? []
    let environments = root["environments"].map { decodeEnvironments($0, metrics: metrics) } ?? []
    guard let name, let owner else { return nil }
    return Budget(
      path: path, name: name, owner: owner, description: description, metrics: metrics,
      environments: environments)
  }

  private func decodeMetrics(_ value: YAMLValue) -> [Metric] {
    let entries = reader.entries(value, "`metrics`")
    if entries.isEmpty, value.isMappingOrNull {
      reader.collector.report(
        .emptyValue, at: value.location, "`metrics` lists no metric",
        hint: "a budget caps at least one metric")
    }
    return entries.compactMap { entry in
      guard let name = reader.name(entry.key, at: entry.keyLocation, MetricKind.self) else {
        return nil
      }
      let what = "metric `\(entry.key)`"
      guard
        let mapping = reader.mapping(
          entry.value, what, allowed: Self.metricKeys, required: ["dimension"]),
        let dimension = mapping["dimension"].flatMap({
          reader.name($0, "`dimension`", as: DimensionKind.self)
        })
      else { return nil }
      let bounds = BoundDecoder(reader: reader)
      let (bound, locations) = bounds.read(mapping, keys: BoundKey.allCases, what: what)
      // An unknown key (a typo of `max`, say) is reported already; the shape would repeat it.
      if mapping.entries.allSatisfy({ Self.metricKeys.contains($0.key) }) {
        bounds.checkShape(bound, written: Set(locations.keys), at: entry.keyLocation, what: what)
      }
      checkLimitFamilies(bound, locations: locations, what: what)
      bounds.checkOrder(bound, at: locations[.min] ?? entry.keyLocation, what: what)
      let description = mapping["description"].flatMap { reader.text($0, "`description`")?.value }
      return Metric(name: name, dimension: dimension, bound: bound, description: description)
    }
  }

  private func decodeEnvironments(_ value: YAMLValue, metrics: [Metric]) -> [EnvironmentOverride] {
    let byName = Dictionary(
      metrics.map { ($0.name.value, $0) }, uniquingKeysWith: { first, _ in first })
    let names = metrics.map(\.name.value.rawValue)
    return reader.entries(value, "`environments`").compactMap { entry in
      guard let name = reader.name(entry.key, at: entry.keyLocation, EnvironmentKind.self) else {
        return nil
      }
      guard name.value != .production else {
        reader.collector.report(
          .unknownEnvironment, at: entry.keyLocation,
          "`production` is not an override: the base `metrics` are production's",
          hint: "change the values under `metrics` instead")
        return nil
      }
      let overrides = reader.entries(entry.value, "environment `\(entry.key)`").compactMap {
        metricEntry in
        decodeOverride(metricEntry, environment: entry.key, metrics: byName, names: names)
      }
      return EnvironmentOverride(name: name, metrics: overrides)
    }
  }

  private func decodeOverride(
    _ entry: YAMLMapping.Entry, environment: String, metrics: [MetricName: Metric], names: [String]
  ) -> MetricOverride? {
    guard let name = reader.name(entry.key, at: entry.keyLocation, MetricKind.self) else {
      return nil
    }
    guard let base = metrics[name.value] else {
      reader.collector.report(
        .unknownMetric, at: entry.keyLocation,
        "environment `\(environment)` overrides `\(entry.key)`, which is not a metric of this budget",
        hint: Suggestion.hint(for: entry.key, among: names))
      return nil
    }
    let what = "`\(entry.key)` in environment `\(environment)`"
    guard let mapping = reader.mapping(entry.value, what, allowed: Self.overrideKeys) else {
      return nil
    }
    let bounds = BoundDecoder(reader: reader)
    let (bound, locations) = bounds.read(mapping, keys: BoundKey.allCases, what: what)
    if bound.fields.isEmpty && locations.isEmpty {
      reader.collector.report(.boundShape, at: entry.keyLocation, "\(what) overrides nothing")
    }
    let effective = base.bound.overridden(by: bound)
    let written = Set(locations.keys).union(base.bound.fields.map(\.key))
    bounds.checkShape(effective, written: written, at: entry.keyLocation, what: what)
    checkLimitFamilies(effective, locations: locations, what: what, against: base.bound)
    bounds.checkOrder(
      effective, at: locations[.min] ?? locations[.max] ?? entry.keyLocation, what: what)
    return MetricOverride(name: name, bound: bound, fieldLocations: locations)
  }

  /// `max` and `min` of one metric share a unit family, in the base and in every override.
  private func checkLimitFamilies(
    _ bound: Bound, locations: [BoundKey: SourceLocation], what: String, against base: Bound? = nil
  ) {
    // A percentage anywhere makes the metric a ratio, so every plain number in it is a fraction.
    let limits = [base?.max, base?.min, bound.max, bound.min].compactMap { $0 }
    guard let reference = limits.first else { return }
    let isRatio = limits.contains { $0.family == .ratio }
    for key in [BoundKey.max, .min] {
      guard let quantity = bound[key], let location = locations[key] else { continue }
      MetricFamilyCheck(collector: reader.collector).check(
        quantity, key: key, against: reference, at: location, what: what, ratioMetric: isRatio)
    }
  }
}

/// Checks that a value uses the unit family of the metric it caps.
struct MetricFamilyCheck {
  let collector: DiagnosticCollector

  func check(
    _ quantity: Quantity, key: BoundKey, against reference: Quantity, at location: SourceLocation,
    what: String, ratioMetric: Bool = false
  ) {
    guard let family = quantity.family.unified(with: reference.family) else {
      collector.report(
        .unitMismatch, at: location,
        "`\(key.rawValue): \(quantity.text)` of \(what) is a \(quantity.family), but the metric is capped in \(reference.family) (`\(reference.text)`)",
        hint: "a metric keeps one unit family everywhere")
      return
    }
    if family == .ratio || (ratioMetric && quantity.family == .number), quantity.baseValue > 1 {
      collector.report(
        .ratioRange, at: location,
        "`\(key.rawValue): \(quantity.text)` of \(what) is above 100% for a ratio metric")
    }
  }
}
