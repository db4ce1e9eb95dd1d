/// Reads a `kind: Budget` file.
struct BudgetDecoder {
  let reader: ValueReader
  let path: String

  static let keys = ["version", "kind", "name", "owner", "description", "metrics", "environments"]
  static let metricKeys = [
    "dimension", "max", "min", "slo", "window", "description", "baseline", "max_drop", "max_rise",
    "across", "method", "max_difference", "min_ratio", "drift", "reference", "p_value",
    "min_samples", "statistic", "parts", "period", "regression",
  ]
  static let overrideKeys = [
    "max", "min", "slo", "window", "baseline", "max_drop", "max_rise", "max_difference",
    "min_ratio", "p_value", "min_samples",
  ]

  func decode(_ root: YAMLMapping) -> Budget? {
    guard
      let root = reader.mapping(
        .mapping(root), "a Budget", allowed: Self.keys, required: ["name", "owner", "metrics"])
    else { return nil }
    let name = root["name"].flatMap { reader.name($0, "`name`", as: BudgetKind.self) }
    let owner = root["owner"].flatMap { reader.name($0, "`owner`", as: TeamKind.self) }
    let description = root["description"].flatMap { reader.text($0, "`description`")?.value }
    let decoded = root["metrics"].map(decodeMetrics) ?? []
    let metrics = decoded.map(\.metric)
    let environments = root["environments"].map { decodeEnvironments($0, metrics: metrics) } ?? []
    checkLimitFamilies(decoded, environments: environments)
    PartsCheck(collector: reader.collector).check(metrics, environments: environments)
    guard let name, let owner else { return nil }
    return Budget(
      path: path, name: name, owner: owner, description: description, metrics: metrics,
      environments: environments)
  }

  private func decodeMetrics(_ value: YAMLValue) -> [DecodedMetric] {
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
      let (bound, locations) = bounds.read(
        mapping, keys: BoundKey.allCases, what: what, recordedBaseline: true)
      let shape = decodeShape(mapping, what: what)
      // An unknown key (a typo of `max`, say) is reported already; the shape would repeat it.
      if mapping.entries.allSatisfy({ Self.metricKeys.contains($0.key) }) {
        bounds.checkShape(
          bound, shape: shape, written: Set(locations.keys), at: entry.keyLocation, what: what)
      }
      bounds.checkOrder(bound, at: locations[.min] ?? entry.keyLocation, what: what)
      bounds.checkBaseline(bound, at: locations[.baseline] ?? entry.keyLocation, what: what)
      let description = mapping["description"].flatMap { reader.text($0, "`description`")?.value }
      let regression = mapping["regression"].flatMap {
        RegressionDecoder(reader: reader).decode($0, metric: entry.key, bound: bound)
      }
      return DecodedMetric(
        metric: Metric(
          name: name, dimension: dimension, bound: bound, description: description, shape: shape,
          regression: regression),
        locations: locations)
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
    bounds.checkShape(
      effective, shape: base.shape, written: written, at: entry.keyLocation, what: what)
    bounds.checkOrder(
      effective, at: locations[.min] ?? locations[.max] ?? entry.keyLocation, what: what)
    bounds.checkBaseline(
      effective,
      at: locations[.baseline] ?? locations[.maxDrop] ?? locations[.maxRise]
        ?? entry.keyLocation, what: what)
    return MetricOverride(name: name, bound: bound, fieldLocations: locations)
  }

  /// The fields that say how a metric is measured rather than where its limits are.
  private func decodeShape(_ mapping: YAMLMapping, what: String) -> MetricShape {
    var shape = MetricShape()
    func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, _ type: Choice.Type)
      -> Located<Choice>? where Choice.RawValue == String
    {
      guard let value = mapping[key] else { return nil }
      return reader.choice(value, "`\(key)` of \(what)", type).map {
        Located($0, at: value.location)
      }
    }
    shape.across = mapping["across"].flatMap {
      reader.name($0, "`across` of \(what)", as: GroupingKind.self)
    }
    shape.method = choice("method", GroupGapMethod.self)
    shape.drift = choice("drift", DriftTest.self)
    let references = RecordedReferenceDecoder(reader: reader)
    if let reference = mapping["reference"] {
      if case .mapping = reference {
        shape.reference = references.decode(reference, "`reference` of \(what)", commits: false)
          .map { Located(.recorded($0.value), at: $0.location) }
      } else if case .scalar(let scalar) = reference, scalar.text == "measurements" {
        shape.reference = Located(.measurements, at: reference.location)
      } else {
        reader.collector.report(
          .wrongType, at: reference.location,
          "`reference` of \(what) must be `measurements` or `{run: <run id>}`")
      }
    }
    if let baseline = mapping["baseline"], case .mapping = baseline {
      shape.baselineSource = references.decode(baseline, "`baseline` of \(what)", commits: true)
    }
    shape.statistic = choice("statistic", WindowStatistic.self)
    shape.period = choice("period", SpendPeriod.self)
    if let parts = mapping["parts"] {
      shape.partsLocation = parts.location
      let items = reader.sequence(parts, "`parts` of \(what)")
      if items.isEmpty, case .sequence = parts {
        reader.collector.report(
          .emptyValue, at: parts.location, "`parts` of \(what) lists no metric",
          hint: "list the metrics of the stages that make this one up, or drop `parts`")
      }
      shape.parts = items.compactMap { reader.name($0, "a part of \(what)", as: MetricKind.self) }
    }
    return shape
  }

  /// `max` and `min` of one metric share a unit family, in the base and in every override; the
  /// evidence of all of them decides which, so the odd value is the one reported.
  private func checkLimitFamilies(
    _ metrics: [DecodedMetric], environments: [EnvironmentOverride]
  ) {
    for decoded in metrics {
      let name = decoded.metric.name.value
      var values = MetricFamilyEvidence.limits(
        of: decoded.metric.bound, place: "", locations: decoded.locations)
      var what = Array(repeating: "metric `\(name)`", count: values.count)
      for environment in environments {
        guard let override = environment.metrics[name] else { continue }
        let more = MetricFamilyEvidence.limits(
          of: override.bound, place: "in environment `\(environment.name.value)`",
          locations: override.fieldLocations)
        values += more
        what += Array(
          repeating: "`\(name)` in environment `\(environment.name.value)`", count: more.count)
      }
      let evidence = MetricFamilyEvidence(name: name.rawValue, values: values)
      for (value, what) in zip(values, what) {
        guard let location = value.location else { continue }
        MetricFamilyCheck(collector: reader.collector).check(
          value.quantity, key: value.key, against: evidence, at: location, what: what)
      }
    }
  }
}

/// A metric as decoded, with where its `max` and `min` are written.
private struct DecodedMetric {
  var metric: Metric
  var locations: [BoundKey: SourceLocation]
}

/// Checks that a value uses the unit family of the metric it caps.
struct MetricFamilyCheck {
  let collector: DiagnosticCollector

  /// Reports a `max` or `min` outside the family the evidence decides, at the value itself.
  func check(
    _ quantity: Quantity, key: BoundKey, against evidence: MetricFamilyEvidence,
    at location: SourceLocation, what: String
  ) {
    guard let reference = evidence.reference else { return }
    check(
      quantity, key: key, against: reference.quantity, at: location, what: what,
      ratioMetric: evidence.isRatio, evidence: evidence, referencePlace: reference.place)
  }

  func check(
    _ quantity: Quantity, key: BoundKey, against reference: Quantity, at location: SourceLocation,
    what: String, ratioMetric: Bool = false, evidence: MetricFamilyEvidence? = nil,
    referencePlace: String = ""
  ) {
    guard let family = quantity.family.unified(with: reference.family) else {
      let place = referencePlace.isEmpty ? "" : " \(referencePlace)"
      let rule = "a metric keeps one unit family everywhere"
      let because = evidence?.reason.map { "\(rule), and \($0)" } ?? rule
      let suggestion = evidence?.suggestion(for: quantity).map { "did you mean \($0)? " } ?? ""
      collector.report(
        .unitMismatch, at: location,
        "`\(key.rawValue): \(quantity.text)` of \(what) is a \(quantity.family), but the metric is capped in \(reference.family) (`\(reference.text)`\(place))",
        hint: suggestion + because)
      return
    }
    if family == .ratio || (ratioMetric && quantity.family == .number), quantity.baseValue > 1 {
      collector.report(
        .ratioRange, at: location,
        "`\(key.rawValue): \(quantity.text)` of \(what) is above 100% for a ratio metric")
    }
  }
}
