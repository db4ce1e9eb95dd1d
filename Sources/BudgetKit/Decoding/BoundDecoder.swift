/// Reads the `max`/`min`/`slo`/`window` fields of a metric, an override or an exception, and
/// checks what one bound can tell on its own: units by field, ratio ranges, shape and order.
struct BoundDecoder {
  let reader: ValueReader

  /// Reads the bound fields present in a mapping.
  func read(_ mapping: YAMLMapping, keys: [BoundKey], what: String) -> (
    Bound, [BoundKey: SourceLocation]
  ) {
    var bound = Bound()
    var locations: [BoundKey: SourceLocation] = [:]
    for key in keys {
      guard let value = mapping[key.rawValue] else { continue }
      locations[key] = value.location
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
    case .max, .min:
      break
    }
    return checkRatioRange(quantity, for: key, at: location, what: what)
  }

  func checkRatioRange(
    _ quantity: Quantity, for key: BoundKey, at location: SourceLocation, what: String
  ) -> Bool {
    let isRatio = quantity.family == .ratio || (key == .slo && quantity.family == .number)
    guard isRatio, quantity.baseValue > 1 else { return true }
    reader.collector.report(
      .ratioRange, at: location,
      "`\(key.rawValue)` of \(what) is `\(quantity.text)`; a ratio lies between 0% and 100%")
    return false
  }

  /// A complete metric bound: a ceiling, a floor, a band, or an SLO with its window.
  ///
  /// `written` names the fields present in the file, parsed or not, so a value that failed to
  /// parse is not reported a second time as missing.
  func checkShape(_ bound: Bound, written: Set<BoundKey>, at location: SourceLocation, what: String)
  {
    let present = written.union(bound.fields.map(\.key))
    let hasLimit = present.contains(.max) || present.contains(.min)
    let hasObjective = present.contains(.slo) || present.contains(.window)
    if hasLimit && hasObjective {
      reader.collector.report(
        .boundShape, at: location, "\(what) mixes `max`/`min` with `slo`/`window`",
        hint:
          "a metric is a cap (`max`, `min` or both) or an objective (`slo` with `window`), not both"
      )
    } else if !hasLimit && !hasObjective {
      reader.collector.report(
        .boundShape, at: location, "\(what) sets no limit",
        hint: "add `max`, `min`, or `slo` with `window`")
    } else if hasObjective && !(present.contains(.slo) && present.contains(.window)) {
      reader.collector.report(.boundShape, at: location, "\(what) needs both `slo` and `window`")
    }
  }

  /// `min` must not exceed `max`.
  func checkOrder(_ bound: Bound, at location: SourceLocation, what: String) {
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
