/// Reads the `max`/`min`/`slo`/`window` fields of a metric, an override or an exception, and
/// checks what one bound can tell on its own: units by field, ratio ranges, shape and order.
struct BoundDecoder {
  let reader: ValueReader

  /// Reads the bound fields present in a mapping.
  ///
  /// A `baseline` written as a mapping is a recorded reference (`{run: <id>}`), which
  /// `BudgetDecoder` reads on a base metric; elsewhere it is refused, with `recordedBaseline`
  /// false.
  func read(
    _ mapping: YAMLMapping, keys: [BoundKey], what: String, recordedBaseline: Bool = false
  ) -> (Bound, [BoundKey: SourceLocation]) {
    var bound = Bound()
    var locations: [BoundKey: SourceLocation] = [:]
    for key in keys {
      guard let value = mapping[key.rawValue] else { continue }
      locations[key] = value.location
      if key == .baseline, case .mapping = value {
        if !recordedBaseline {
          reader.collector.report(
            .recordedReference, at: value.location,
            "`baseline` of \(what) names a recorded figure; only a base metric may",
            hint:
              "write the baseline as a quantity here, or name the run or commit under `metrics`, where every environment takes its own figure from it"
          )
        }
        continue
      }
      if relativeSpelling(value, key: key, what: what) { continue }
      guard let quantity = reader.quantity(value, "`\(key.rawValue)` of \(what)") else { continue }
      if checkFamily(quantity, for: key, at: value.location, what: what) {
        bound[key] = quantity
      }
    }
    return (bound, locations)
  }

  /// `slo` is a ratio, `window` a duration; any ratio lies within 0–100%.
  private func checkFamily(
    _ quantity: Quantity, for key: BoundKey, at location: SourceLocation, what: String
  ) -> Bool {
    switch key {
    case .slo:
      guard quantity.family.unified(with: .ratio) == .ratio else {
        reader.collector.report(
          .unitMismatch, at: location,
          "`slo` of \(what) must be a ratio such as `99.9%`, found \(quantity.family) `\(quantity.text)`"
        )
        return false
      }
    case .window:
      guard quantity.family == .duration, quantity.baseValue > 0 else {
        reader.collector.report(
          .unitMismatch, at: location,
          "`window` of \(what) must be a positive duration such as `30d`, found `\(quantity.text)`")
        return false
      }
    case .maxDrop, .maxRise, .minRatio, .pValue:
      guard quantity.family.unified(with: .ratio) == .ratio else {
        reader.collector.report(
          .unitMismatch, at: location,
          "`\(key.rawValue)` of \(what) must be a ratio such as `8%` or `0.08`, found \(quantity.family) `\(quantity.text)`"
        )
        return false
      }
      if key == .pValue, quantity.baseValue == 0 {
        reader.collector.report(
          .ratioRange, at: location,
          "`p_value` of \(what) is `\(quantity.text)`; a p-value floor lies above 0 and at most 1",
          hint: "the usual floor is 0.05: a drift alert at p < 0.05")
        return false
      }
    case .minSamples:
      guard quantity.family == .number, quantity.baseValue >= 1, !quantity.text.contains(".")
      else {
        reader.collector.report(
          .wrongType, at: location,
          "`min_samples` of \(what) must be a whole number of at least 1, found `\(quantity.text)`")
        return false
      }
    case .max, .min, .baseline, .maxDifference:
      break
    }
    return checkRatioRange(quantity, for: key, at: location, what: what)
  }

  /// `min: 95% of baseline` is not how a relative bound is written: it is refused with the
  /// spelling that is (`max_drop: 5%`), so one meaning has one text.
  private func relativeSpelling(_ value: YAMLValue, key: BoundKey, what: String) -> Bool {
    guard key == .min || key == .max, case .scalar(let scalar) = value,
      scalar.text.hasSuffix(" of baseline")
    else { return false }
    let share = String(scalar.text.dropLast(" of baseline".count))
    var hint = key == .min ? "write `max_drop` with `baseline`" : "write `max_rise` with `baseline`"
    if case .success(let quantity) = QuantityParser.parse(share),
      quantity.family.unified(with: .ratio) == .ratio
    {
      let fraction = quantity.baseValue
      let relative = key == .min ? 1 - fraction : fraction - 1
      if relative >= 0 {
        let percent = Quantity.canonicalNumber(relative * 100)
        hint =
          key == .min
          ? "write `max_drop: \(percent)%` beside `baseline`: the floor is the baseline less \(percent)%"
          : "write `max_rise: \(percent)%` beside `baseline`: the ceiling is the baseline plus \(percent)%"
      }
    }
    reader.collector.report(
      .quantitySyntax, at: scalar.location,
      "`\(key.rawValue)` of \(what) is `\(ValueReader.clip(scalar.text))`; a bound relative to the baseline is written `max_drop` or `max_rise`",
      hint: hint)
    return true
  }

  func checkRatioRange(
    _ quantity: Quantity, for key: BoundKey, at location: SourceLocation, what: String
  ) -> Bool {
    let fractions: Set<BoundKey> = [.slo, .maxDrop, .maxRise, .minRatio, .pValue]
    let isRatio =
      quantity.family == .ratio || (fractions.contains(key) && quantity.family == .number)
    guard isRatio, quantity.baseValue > 1 else { return true }
    reader.collector.report(
      .ratioRange, at: location,
      "`\(key.rawValue)` of \(what) is `\(quantity.text)`; a ratio lies between 0% and 100%")
    return false
  }

  /// A complete metric bound: a ceiling, a floor, a band, or an SLO with its window; or one of
  /// the later shapes: relative to a baseline, a rolling gauge, a group gap, a drift test.
  ///
  /// `written` names the fields present in the file, parsed or not, so a value that failed to
  /// parse is not reported a second time as missing.
  func checkShape(
    _ bound: Bound, shape: MetricShape = MetricShape(), written: Set<BoundKey>,
    at location: SourceLocation, what: String
  ) {
    let present = written.union(bound.fields.map(\.key))
    let report = { (message: String, hint: String?) in
      reader.collector.report(.boundShape, at: location, message, hint: hint)
    }
    let limits: Set<BoundKey> = [.max, .min, .maxDrop, .maxRise]
    let hasLimit = !present.isDisjoint(with: limits)
    let hasSLO = present.contains(.slo)
    let hasGap = shape.across != nil || !present.isDisjoint(with: [.maxDifference, .minRatio])
    let hasDrift = shape.drift != nil || !present.isDisjoint(with: [.pValue, .minSamples])
    let hasObjective = hasSLO || (present.contains(.window) && !hasLimit)
    if hasLimit && hasSLO {
      report(
        "\(what) mixes `max`/`min` with `slo`/`window`",
        "a metric is a cap (`max`, `min` or both) or an objective (`slo` with `window`), not both")
      return
    }
    let kinds = [
      (hasLimit, "a cap"), (hasObjective, "an objective"), (hasGap, "a group gap"),
      (hasDrift, "a drift test"),
    ].filter(\.0).map(\.1)
    if kinds.count > 1 {
      report(
        "\(what) mixes \(kinds.joined(separator: " with "))",
        "a metric is one of a cap, an objective, a group gap or a drift test; split it into several metrics"
      )
      return
    }
    guard let kind = kinds.first else {
      report("\(what) sets no limit", "add `max`, `min`, or `slo` with `window`")
      return
    }
    switch kind {
    case "an objective":
      if !(present.contains(.slo) && present.contains(.window)) {
        report("\(what) needs both `slo` and `window`", nil)
      }
    case "a cap":
      checkRelative(present, report: report, what: what)
    case "a group gap":
      if shape.across == nil {
        report(
          "\(what) bounds a gap between groups but names no `across`",
          "name the attribute the groups are taken across, such as `across: merchant_type`")
      } else if present.isDisjoint(with: [.maxDifference, .minRatio]) {
        report(
          "\(what) is measured `across` groups but bounds no gap",
          "add `max_difference` (the largest gap allowed) or `min_ratio` (the smallest ratio)")
      }
    default:
      if shape.drift == nil {
        report(
          "\(what) sets `p_value` or `min_samples` but names no drift test",
          "add `drift: ks` for a two-sample Kolmogorov–Smirnov test")
      }
    }
    if !hasLimit || hasObjective, present.contains(.baseline) {
      report("\(what) sets a `baseline` no `max_drop` or `max_rise` is relative to", nil)
    }
    if shape.method != nil, shape.across == nil {
      report("\(what) sets `method` without `across`", "`method` says how a group gap is taken")
    }
    if shape.statistic != nil, !(hasLimit && present.contains(.window)) {
      report(
        "\(what) sets `statistic` without a rolling `window`",
        "`statistic` is the statistic of a cap over its trailing `window`")
    }
    if shape.reference != nil, shape.drift == nil {
      report("\(what) sets `reference` without `drift`", nil)
    }
    if let period = shape.period {
      let allowed: Set<BoundKey> = [.max]
      if !present.subtracting(allowed).isEmpty || !present.contains(.max) {
        report(
          "\(what) has `period: \(period.value.rawValue)`, which caps a spend with `max` alone",
          "a period metric is the spend to date against `max`; drop the other fields")
      }
    }
    if !shape.parts.isEmpty, kind != "a cap" {
      report(
        "\(what) lists `parts` but is not a cap", "the parts of a metric add up to its `max`")
    }
  }

  /// `max_drop` and `max_rise` need a `baseline`, and a metric has one floor and one ceiling.
  private func checkRelative(
    _ present: Set<BoundKey>, report: (String, String?) -> Void, what: String
  ) {
    let relative = present.contains(.maxDrop) || present.contains(.maxRise)
    if relative, !present.contains(.baseline) {
      report(
        "\(what) sets a bound relative to a baseline but no `baseline`",
        "add `baseline`, the known-good value, in the metric's unit")
    }
    if present.contains(.maxDrop), present.contains(.min) {
      report(
        "\(what) sets two floors, `min` and `max_drop`",
        "keep one: `min` is absolute, `max_drop` relative to the baseline")
    }
    if present.contains(.maxRise), present.contains(.max) {
      report(
        "\(what) sets two ceilings, `max` and `max_rise`",
        "keep one: `max` is absolute, `max_rise` relative to the baseline")
    }
  }

  /// A relative bound needs a baseline above zero: a share of nothing is nothing.
  func checkBaseline(_ bound: Bound, at location: SourceLocation, what: String) {
    guard let baseline = bound.baseline, bound.isRelative, baseline.baseValue == 0 else { return }
    reader.collector.report(
      .baselineZero, at: location,
      "\(what) is bounded relative to a `baseline` of `\(baseline.text)`, which is zero",
      hint: "a share of zero is zero: write the known-good value, or an absolute `min` or `max`")
  }

  /// `min` must not exceed `max`.
  func checkOrder(_ bound: Bound, at location: SourceLocation, what: String) {
    let bound = bound.resolved
    guard let min = bound.min, let max = bound.max, let order = min.compare(to: max),
      order == .orderedDescending
    else {
      return
    }
    reader.collector.report(
      .bandInverted, at: location, "\(what) has `min: \(min.text)` above `max: \(max.text)`",
      hint: "swap them, or the metric can never pass")
  }
}
