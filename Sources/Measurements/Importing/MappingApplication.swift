import BudgetKit
import Foundation

/// What applying import mappings to a tool's figures gives: the measurements to check, and the
/// figures no mapping named (listed by `bursar check`, never dropped).
public struct ImportedMeasurements: Sendable {
  public var measurements: Measurements
  /// The tool's figures that no entry of the mappings selects, in the order the tool wrote them.
  public var unmapped: [ToolFigure]
  /// The mappings applied, by path.
  public var mappingPaths: [String]

  public init(measurements: Measurements, unmapped: [ToolFigure], mappingPaths: [String]) {
    self.measurements = measurements
    self.unmapped = unmapped
    self.mappingPaths = mappingPaths
  }
}

/// Turns a tool's figures into `Measurements` through import mappings: each entry selects the
/// figure(s) it names (exactly one, or good/bad and total), in the tool's unit or the mapping's,
/// which must be of the metric's unit family; a gauge series measures a cap or floor by its
/// latest point, aligned good and total series an `slo`.
///
/// Every problem is reported at the mapping entry (`.budgets/…:line:column`), or at the figure
/// in the tool's output.
public struct MappingApplication: Sendable {
  public var budgets: [Budget]

  public init(budgets: [Budget]) {
    self.budgets = budgets
  }

  public func apply(
    _ mappings: [ImportMapping], to figures: [ToolFigure], path: String
  ) throws(MeasurementsError) -> ImportedMeasurements {
    let byName = Dictionary(
      budgets.map { ($0.name.value, $0) }, uniquingKeysWith: { first, _ in first })
    var problems: [MeasurementsProblem] = []
    var used = [Bool](repeating: false, count: figures.count)
    var measured: [BudgetName: MeasuredBudget] = [:]
    var order: [BudgetName] = []
    for mapping in mappings {
      for entry in mapping.figures {
        guard let budget = byName[entry.budget.value],
          let metric = budget.metrics[entry.metric.value]
        else {
          problems.append(
            MeasurementsProblem(
              entry.metric.location,
              "`\(entry.metric.value)` of `\(entry.budget.value)` is not a metric of the budgets",
              hint: "the mapping must name a budget and a metric of the same tree"))
          continue
        }
        if measured[entry.budget.value] == nil {
          measured[entry.budget.value] = MeasuredBudget(name: entry.budget, entries: [])
          order.append(entry.budget.value)
        }
        do throws(MeasurementsError) {
          var matched: [Int] = []
          let value = try measuredValue(
            entry, metric: metric, figures: figures, matched: &matched)
          for index in matched { used[index] = true }
          if let value {
            measured[entry.budget.value]!.entries.append(
              MeasuredEntry(name: entry.metric, value: value))
          }
        } catch {
          problems += error.problems
        }
      }
    }
    guard problems.isEmpty else { throw MeasurementsError(problems) }
    let unmapped = figures.indices.filter { !used[$0] }.map { figures[$0] }
    return ImportedMeasurements(
      measurements: Measurements(path: path, budgets: order.compactMap { measured[$0] }),
      unmapped: unmapped, mappingPaths: mappings.map(\.path))
  }

  /// The entry's value; nil when the output holds none of the figures it names (the metric is
  /// then missing).
  private func measuredValue(
    _ entry: MappedFigure, metric: Metric, figures: [ToolFigure], matched: inout [Int]
  ) throws(MeasurementsError) -> MeasuredValue? {
    switch entry.source {
    case .figure(let selector):
      guard let index = try select(selector, in: figures, entry: entry) else { return nil }
      matched.append(index)
      return try value(of: figures[index], entry: entry, metric: metric)
    case .events(let events):
      let counted = try select(events.counted, in: figures, entry: entry)
      let total = try select(events.total, in: figures, entry: entry)
      matched += [counted, total].compactMap { $0 }
      guard let counted, let total else { return nil }
      return try sli(
        counted: figures[counted], total: figures[total], countsGood: events.countsGood,
        entry: entry, metric: metric)
    }
  }

  /// The one figure a selector names; nil when none; an error when several.
  private func select(_ selector: FigureSelector, in figures: [ToolFigure], entry: MappedFigure)
    throws(MeasurementsError) -> Int?
  {
    let labels = selector.labelValues
    let found = figures.indices.filter { index in
      let figure = figures[index]
      if let name = selector.name, figure.name != name.value { return false }
      if let statistic = selector.statistic, figure.statistic != statistic.value { return false }
      if let result = selector.result, figure.result != result.value { return false }
      return labels.allSatisfy { figure.labels[$0.key] == $0.value }
    }
    guard found.count <= 1 else {
      let listed = found.prefix(4).map { Self.describe(figures[$0]) }.joined(separator: "; ")
      throw MeasurementsError(
        selector.location,
        "`\(entry.metric.value)` of `\(entry.budget.value)`: the entry matches \(found.count) figures of the output (\(listed)\(found.count > 4 ? "; …" : ""))",
        hint: "add `statistic`, `labels` or `result` until it names one")
    }
    return found.first
  }

  /// A figure as a person finds it in the output: `POST /score 95%` with its labels.
  public static func describe(_ figure: ToolFigure) -> String {
    var text = figure.name.isEmpty ? "(no name)" : figure.name
    if !figure.labels.isEmpty {
      text +=
        " {"
        + figure.labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
          separator: ", ") + "}"
    }
    text += " \(figure.statistic)"
    if let result = figure.result { text = "\(result): " + text }
    return text
  }

  /// The figure's unit: the tool's, else the mapping's, of the metric's family.
  private func unit(of figure: ToolFigure, entry: MappedFigure, metric: Metric)
    throws(MeasurementsError) -> QuantityUnit
  {
    let stated: QuantityUnit?
    switch figure.value {
    case .number(_, let unit), .samples(_, let unit), .series(_, let unit): stated = unit
    }
    if let stated, let written = entry.unit, written.value != stated {
      throw MeasurementsError(
        written.location,
        "`unit: \(written.value.symbol)` for `\(entry.metric.value)`, but \(figure.tool.rawValue) writes \(Self.describe(figure)) in \(stated.symbol.isEmpty ? "plain numbers" : stated.symbol)",
        hint: "leave `unit` out: the tool says it")
    }
    guard let unit = stated ?? entry.unit?.value else {
      throw MeasurementsError(
        entry.location,
        "\(figure.tool.rawValue) does not say the unit of \(Self.describe(figure)) (\(figure.location))",
        hint: "give the entry a `unit:` (ms, s, %, B, /s, 1 for a plain number)")
    }
    if let reference = metric.bound.max ?? metric.bound.min,
      unit.family.unified(with: reference.family) == nil
    {
      throw MeasurementsError(
        entry.unit?.location ?? entry.location,
        "`\(entry.metric.value)` of `\(entry.budget.value)` is capped in \(reference.family) (`\(reference.text)`), but \(Self.describe(figure)) is in \(unit.symbol.isEmpty ? "plain numbers" : unit.symbol) (\(unit.family))",
        hint: "map a figure of the metric's family, or fix the entry's `unit`")
    }
    return unit
  }

  private func value(of figure: ToolFigure, entry: MappedFigure, metric: Metric)
    throws(MeasurementsError) -> MeasuredValue
  {
    let unit = try unit(of: figure, entry: entry, metric: metric)
    switch figure.value {
    case .number(let number, _):
      return .summary(Located(Self.quantity(number, unit: unit), at: figure.location))
    case .samples(let values, _):
      let scale = UnitScale(unit)
      return .samples(
        SampleSet(baseValues: values.map(scale.toBase), unit: unit, location: figure.location))
    case .series(let series, _):
      return .gauge(GaugeSeries(series: series, unit: unit, location: figure.location))
    }
  }

  /// A number as a quantity written the shortest way that reads back the same double.
  static func quantity(_ number: Double, unit: QuantityUnit) -> Quantity {
    let digits =
      number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : "\(number)"
    let magnitude = Decimal(string: digits) ?? Decimal(number)
    let written: String
    if case .money = unit.family {
      written = "\(digits) \(unit.symbol)"
    } else {
      written = digits + unit.symbol
    }
    return Quantity(magnitude: magnitude, unit: unit, text: written)
  }

  /// Good and total events from two figures: numbers (one bucket as long as the metric's
  /// window) or series on the same instants, equally spaced (one bucket per point).
  private func sli(
    counted: ToolFigure, total: ToolFigure, countsGood: Bool, entry: MappedFigure, metric: Metric
  ) throws(MeasurementsError) -> MeasuredValue {
    for figure in [counted, total] {
      if case .samples = figure.value {
        throw MeasurementsError(
          entry.location,
          "\(Self.describe(figure)) holds raw samples; good and total events are counts")
      }
    }
    let window = metric.bound.window.map { ExactValue.double($0) } ?? 86_400
    var bucket = window
    var countedValues: [Double]
    var totalValues: [Double]
    switch (counted.value, total.value) {
    case (.number(let c, _), .number(let t, _)):
      (countedValues, totalValues) = ([c], [t])
    case (.series(let c, _), .series(let t, _)):
      guard c.times == t.times else {
        throw MeasurementsError(
          entry.location,
          "the series \(Self.describe(counted)) and \(Self.describe(total)) are not on the same instants (\(c.count) and \(t.count) points)",
          hint: "query both over the same range and step")
      }
      if c.count > 1 {
        bucket = c.times[1] - c.times[0]
        let regular = zip(c.times, c.times.dropFirst()).allSatisfy {
          abs(($1 - $0) - bucket) <= 1e-6 * max(1, bucket)
        }
        guard regular, bucket > 0 else {
          throw MeasurementsError(
            entry.location,
            "the series \(Self.describe(total)) is not equally spaced: events per bucket need a fixed step"
          )
        }
      }
      (countedValues, totalValues) = (c.values, t.values)
    default:
      throw MeasurementsError(
        entry.location,
        "\(Self.describe(counted)) and \(Self.describe(total)) must both be numbers or both series")
    }
    for index in totalValues.indices {
      let good = countsGood ? countedValues[index] : totalValues[index] - countedValues[index]
      guard countedValues[index] >= 0, totalValues[index] >= 0, good >= 0,
        good <= totalValues[index]
      else {
        throw MeasurementsError(
          counted.location,
          "\(countsGood ? "good" : "bad") events (\(NumberText.format(countedValues[index]))) and total events (\(NumberText.format(totalValues[index]))) do not fit: events are counts, and a part is never more than the whole"
        )
      }
      countedValues[index] = good
    }
    return .series(
      SLISeries(bucket: bucket, good: countedValues, total: totalValues, location: total.location))
  }
}
