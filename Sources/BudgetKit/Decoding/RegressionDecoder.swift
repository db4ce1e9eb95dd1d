/// Reads a metric's `regression:` settings: how its figures are judged against recorded runs.
struct RegressionDecoder {
  let reader: ValueReader

  static let keys = ["sigma", "min_change", "min_absolute", "min_runs"]

  /// The settings, each bad value reported at its place; nil when the value is not a mapping.
  func decode(_ value: YAMLValue, metric: String, bound: Bound) -> RegressionSettings? {
    let what = "`regression` of metric `\(metric)`"
    guard let mapping = reader.mapping(value, what, allowed: Self.keys) else { return nil }
    var settings = RegressionSettings(location: value.location)
    if let sigma = mapping["sigma"] {
      settings.sigma = self.sigma(sigma, what: what)
    }
    if let change = mapping["min_change"] {
      settings.minChange = minChange(change, what: what)
    }
    if let absolute = mapping["min_absolute"] {
      settings.minAbsolute = minAbsolute(absolute, what: what, bound: bound)
    }
    if let runs = mapping["min_runs"] {
      settings.minRuns = minRuns(runs, what: what)
    }
    return settings
  }

  /// A plain number of standard deviations, such as `3` or `4.5`.
  private func sigma(_ value: YAMLValue, what: String) -> Double? {
    let range = RegressionSettings.sigmaRange
    if case .scalar(let scalar) = value, !scalar.isQuoted,
      scalar.text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
      scalar.text.first?.isNumber == true, let number = Double(scalar.text), range.contains(number)
    {
      return number
    }
    reader.collector.report(
      .regressionSettings, at: value.location,
      "`sigma` of \(what) must be a plain number from 0.5 to 100, found `\(Self.written(value))`",
      hint: "write how many scaled deviations a figure must move, such as `sigma: 3`")
    return nil
  }

  /// A ratio from 0% to 100%: `5%`, or a plain number from 0 to 1.
  private func minChange(_ value: YAMLValue, what: String) -> Quantity? {
    if case .scalar(let scalar) = value, !scalar.isNull,
      case .success(let quantity) = QuantityParser.parse(scalar.text),
      quantity.family == .ratio || quantity.family == .number, quantity.baseValue <= 1
    {
      return quantity
    }
    reader.collector.report(
      .regressionSettings, at: value.location,
      "`min_change` of \(what) must be a ratio from 0% to 100%, found `\(Self.written(value))`",
      hint: "write the smallest relative move that counts, such as `min_change: 5%`")
    return nil
  }

  /// A quantity in the metric's own unit family: `2ms` for a latency capped in `ms`.
  private func minAbsolute(_ value: YAMLValue, what: String, bound: Bound) -> Quantity? {
    guard let quantity = reader.quantity(value, "`min_absolute` of \(what)") else { return nil }
    let reference = bound.max ?? bound.min ?? bound.slo
    if let reference, quantity.family.unified(with: reference.family) == nil {
      reader.collector.report(
        .unitMismatch, at: value.location,
        "`min_absolute: \(quantity.text)` of \(what) is a \(quantity.family), but the metric is capped in \(reference.family) (`\(reference.text)`)",
        hint: "write the smallest move that counts in the metric's own unit")
      return nil
    }
    return quantity
  }

  /// A whole number of runs from 2.
  private func minRuns(_ value: YAMLValue, what: String) -> Int? {
    let range = RegressionSettings.minRunsRange
    if case .scalar(let scalar) = value, !scalar.isQuoted, scalar.text.allSatisfy(\.isNumber),
      let number = Int(scalar.text), range.contains(number)
    {
      return number
    }
    reader.collector.report(
      .regressionSettings, at: value.location,
      "`min_runs` of \(what) must be a whole number from \(range.lowerBound) to \(range.upperBound), found `\(Self.written(value))`",
      hint: "a median and its spread need at least two recorded runs")
    return nil
  }

  private static func written(_ value: YAMLValue) -> String {
    if case .scalar(let scalar) = value { return ValueReader.clip(scalar.text) }
    return value.kindDescription
  }
}
