import Foundation

/// The unit family a metric is written in, decided from every `max` and `min` its budget file
/// gives it, so that a value in another family is the one reported.
///
/// When the values disagree, the family is the one the metric's name conventionally has
/// (`latency_*` and `*_ms` are durations, `memory*` and `*_bytes` are bytes) if any value uses
/// it, else the family most values use; a tie goes to a value with a unit over a bare number,
/// then to the first written (the base before the environments). A bare number next to a
/// percentage is a fraction, so it joins the ratio.
struct MetricFamilyEvidence {
  /// One `max` or `min` of the metric, in the base or an environment.
  struct Value {
    var quantity: Quantity
    var key: BoundKey
    /// Where it is written, for messages: empty for the base, else `in environment `staging``.
    var place: String
    /// Where it is in the file, when known.
    var location: SourceLocation?
  }

  let name: String
  let values: [Value]

  /// Whether the metric is a ratio: a percentage anywhere makes its bare numbers fractions.
  var isRatio: Bool { values.contains { $0.quantity.family == .ratio } }

  /// The metric's family; nil without any `max` or `min`.
  var family: UnitFamily? {
    let families = values.map { normalized($0.quantity.family) }
    var distinct: [UnitFamily] = []
    for family in families where !distinct.contains(family) { distinct.append(family) }
    guard distinct.count > 1 else { return distinct.first }
    if let conventional = Self.conventionalFamily(of: name)?.family,
      distinct.contains(conventional)
    {
      return conventional
    }
    func rank(_ family: UnitFamily) -> (Int, Int, Int) {
      let count = families.count { $0 == family }
      let position = distinct.firstIndex(of: family) ?? 0
      return (count, family == .number ? 0 : 1, -position)
    }
    return distinct.max { rank($0) < rank($1) }
  }

  /// The first value in the metric's family, named in messages about the others.
  var reference: Value? {
    guard let family else { return nil }
    return values.first { normalized($0.quantity.family) == family }
  }

  /// Why the family is what it is, when the values disagree: `its name says duration` or
  /// `2 of its 3 values are in duration`.
  var reason: String? {
    guard let family, values.contains(where: { normalized($0.quantity.family) != family }) else {
      return nil
    }
    if Self.conventionalFamily(of: name)?.family == family { return "its name says \(family)" }
    let count = values.count { normalized($0.quantity.family) == family }
    return "\(count) of its \(values.count) values are in \(family)"
  }

  /// The values in another family than the metric's: the mistakes to report.
  var misfits: [Value] {
    guard let family else { return [] }
    return values.filter { $0.quantity.family.unified(with: family) == nil }
  }

  private func normalized(_ family: UnitFamily) -> UnitFamily {
    family == .number && isRatio ? .ratio : family
  }

  /// The family a metric's name conventionally has, and the unit its name ends in, if any.
  static func conventionalFamily(of name: String) -> (family: UnitFamily, unit: String?)? {
    let parts = name.lowercased().split { $0 == "_" || $0 == "-" || $0 == "." }.map(String.init)
    guard let last = parts.last else { return nil }
    let durationUnits = ["ns": "ns", "us": "us", "ms": "ms", "seconds": "s", "secs": "s"]
    let byteUnits = ["bytes": "B", "kb": "kB", "mb": "MB", "gb": "GB", "kib": "KiB", "mib": "MiB"]
    if parts.count > 1, let unit = durationUnits[last] { return (.duration, unit) }
    if parts.count > 1, let unit = byteUnits[last] { return (.bytes, unit) }
    if parts.contains(where: { ["latency", "duration", "ttfb"].contains($0) }) {
      return (.duration, nil)
    }
    if parts.contains(where: { ["memory", "rss", "heap"].contains($0) }) { return (.bytes, nil) }
    return nil
  }

  /// A bare number written with the metric's unit, as the hint suggests it: `0.13s (130ms)`.
  func suggestion(for number: Quantity) -> String? {
    guard number.family == .number, let reference, let family,
      family != .ratio, family != .number
    else { return nil }
    var candidates: [QuantityUnit] = []
    if let symbol = Self.conventionalFamily(of: name)?.unit, let unit = QuantityUnit.named(symbol) {
      candidates = [unit]
    } else {
      candidates = values.map(\.quantity.unit).filter { $0.family == family }
      if let base = Self.baseUnit(of: family) { candidates.append(base) }
    }
    let target = ExactValue.double(reference.quantity.baseValue)
    func distance(_ unit: QuantityUnit) -> Double {
      let value = ExactValue.double(number.magnitude * unit.factor)
      guard value > 0, target > 0 else { return unit.factor == 1 ? 0 : 1 }
      return abs(log(value / target))
    }
    guard let unit = candidates.min(by: { distance($0) < distance($1) }) else { return nil }
    let written = Self.text(number.magnitude, unit)
    let referenceUnit = reference.quantity.unit
    guard referenceUnit != unit, referenceUnit.factor != 0 else { return "`\(written)`" }
    let converted = number.magnitude * unit.factor / referenceUnit.factor
    return "`\(written)` (`\(Self.text(converted, referenceUnit))`)"
  }

  private static func text(_ magnitude: Decimal, _ unit: QuantityUnit) -> String {
    if case .money = unit.family { return "\(magnitude) \(unit.symbol)" }
    return "\(magnitude)\(unit.symbol)"
  }

  private static func baseUnit(of family: UnitFamily) -> QuantityUnit? {
    switch family {
    case .duration: QuantityUnit.named("s")
    case .bytes: QuantityUnit.named("B")
    case .rate: QuantityUnit.named("/s")
    case .energy: QuantityUnit.named("J")
    case .money(let currency): QuantityUnit.named(currency)
    case .ratio, .number: nil
    }
  }
}

extension Budget {
  /// The evidence of a metric's unit family: its base `max` and `min`, then each environment's.
  func familyEvidence(of metric: MetricName) -> MetricFamilyEvidence? {
    guard let base = self.metrics[metric] else { return nil }
    var values = MetricFamilyEvidence.limits(of: base.bound, place: "")
    for environment in environmentOrder {
      guard let override = environments[environment]?.metrics[metric] else { continue }
      values += MetricFamilyEvidence.limits(
        of: override.bound, place: "in environment `\(environment)`",
        locations: override.fieldLocations)
    }
    return MetricFamilyEvidence(name: metric.rawValue, values: values)
  }
}

extension MetricFamilyEvidence {
  /// The `max` and `min` of one bound as evidence.
  static func limits(
    of bound: Bound, place: String, locations: [BoundKey: SourceLocation] = [:]
  ) -> [Value] {
    [BoundKey.max, .min, .baseline, .maxDifference].compactMap { key in
      bound[key].map { Value(quantity: $0, key: key, place: place, location: locations[key]) }
    }
  }
}
