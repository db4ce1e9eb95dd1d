import BudgetKit
import Foundation

/// The rows of a measurements CSV, read one by one into figures per budget and metric.
///
/// A million sample rows should cost little more than the bytes they are written in: fields are
/// compared in place, and a row naming the same budget and metric as the one before it skips
/// every look-up.
struct CSVTable {
  typealias Column = CSVMeasurementsReader.Column

  let path: String
  private(set) var scanner: CSVScanner
  /// The position of each column in a row, by `Column` ordinal; looked up on every row, so an
  /// array rather than a dictionary.
  private let positions: [Int?]
  private let width: Int
  private var figures: [CSVFigure] = []
  private var slots: [BudgetName: [MetricName: Int]] = [:]
  private var fields: [CSVScanner.Field] = []
  /// The budget and metric fields of the previous row, and their figure.
  private var previous: (budget: CSVScanner.Field, metric: CSVScanner.Field, slot: Int)?
  /// The last unit read, with its scale: most rows repeat the unit of the row before.
  private var lastUnit: (text: String, unit: QuantityUnit, scale: UnitScale)?

  init(path: String, scanner: CSVScanner) throws(MeasurementsError) {
    self.path = path
    self.scanner = scanner
    var header: [CSVScanner.Field] = []
    let hasHeader: Bool
    do {
      hasHeader = try self.scanner.next(into: &header)
    } catch {
      throw MeasurementsError(.start(of: path), error.message)
    }
    guard hasHeader else {
      throw MeasurementsError(
        .start(of: path), "the CSV file is empty",
        hint: "start with a header such as budget,metric,value")
    }
    var columns: [Column: Int] = [:]
    for (index, field) in header.enumerated() {
      let name = self.scanner.text(field).trimmingCharacters(in: .whitespaces)
      let location = SourceLocation(
        path: path, line: self.scanner.line, column: self.scanner.column(of: field.start))
      guard let column = Column(rawValue: name) else {
        throw MeasurementsError(
          location, "unknown column `\(ValueReader.clip(name))`",
          hint: Suggestion.hint(for: name, among: Column.allCases.map(\.rawValue)))
      }
      guard columns[column] == nil else {
        throw MeasurementsError(location, "the column `\(name)` appears twice")
      }
      columns[column] = index
    }
    for needed in [Column.budget, .metric] where columns[needed] == nil {
      throw MeasurementsError(
        SourceLocation(path: path, line: self.scanner.line, column: 1),
        "the header needs a `\(needed.rawValue)` column")
    }
    self.positions = Column.allCases.map { columns[$0] }
    self.width = header.count
  }

  /// Reads every row, then hands back the budgets in the order they first appear.
  mutating func readRows() throws(MeasurementsError) -> [MeasuredBudget] {
    while try nextRow() {
      let slot = try figureSlot()
      try apply(toSlot: slot)
    }
    var budgets: [MeasuredBudget] = []
    var index: [BudgetName: Int] = [:]
    for figure in figures {
      guard let entry = try figure.measured() else { continue }
      if let position = index[figure.budget.value] {
        budgets[position].entries.append(entry)
      } else {
        index[figure.budget.value] = budgets.count
        budgets.append(MeasuredBudget(name: figure.budget, entries: [entry]))
      }
    }
    return budgets
  }

  private mutating func nextRow() throws(MeasurementsError) -> Bool {
    do {
      guard try scanner.next(into: &fields) else { return false }
    } catch {
      var position = TextPosition(path: path)
      throw MeasurementsError(position.location(of: error.offset, in: scanner.bytes), error.message)
    }
    guard fields.count == width else {
      throw MeasurementsError(
        location(column: 1),
        "this row has \(fields.count) field\(fields.count == 1 ? "" : "s"); the header has \(width)"
      )
    }
    return true
  }

  /// The figure the row's budget and metric name, created on first sight.
  private mutating func figureSlot() throws(MeasurementsError) -> Int {
    let budgetField = fields[position(.budget)!]
    let metricField = fields[position(.metric)!]
    if let previous, scanner.same(previous.budget, budgetField),
      scanner.same(previous.metric, metricField)
    {
      return previous.slot
    }
    let budget = try name(budgetField, BudgetKind.self)
    let metric = try name(metricField, MetricKind.self)
    let slot: Int
    if let existing = slots[budget.value]?[metric.value] {
      slot = existing
    } else {
      slot = figures.count
      figures.append(CSVFigure(budget: budget, metric: metric))
      slots[budget.value, default: [:]][metric.value] = slot
    }
    previous = (budgetField, metricField, slot)
    return slot
  }

  private mutating func apply(toSlot slot: Int) throws(MeasurementsError) {
    let (value, sample) = (field(.value) != nil, field(.sample) != nil)
    let (good, total) = (field(.good) != nil, field(.total) != nil)
    switch (value, sample, good, total) {
    case (true, false, false, false): try addSummary(slot)
    case (false, true, false, false): try addSample(slot)
    case (false, false, true, true): try addBucket(slot)
    default:
      let filled = [(value, "value"), (sample, "sample"), (good, "good"), (total, "total")].filter(
        \.0)
      throw MeasurementsError(
        location(column: 1), "a row gives exactly one of `value`, `sample`, or `good` with `total`",
        hint: filled.isEmpty
          ? "this row gives none"
          : "this row gives \(filled.map { "`\($0.1)`" }.joined(separator: " and "))")
    }
  }

  private mutating func addSummary(_ slot: Int) throws(MeasurementsError) {
    let field = field(.value)!
    try claim(slot, as: .summary, at: field)
    let text = scanner.text(field)
    let unit = try columnUnit()
    let quantity: Quantity
    switch MeasurementValueReader.parseQuantity(text) {
    case .success(let parsed) where unit == nil: quantity = parsed
    case .success(let parsed) where parsed.unit == QuantityUnit.plain:
      quantity = Quantity(
        magnitude: parsed.magnitude, unit: unit!.unit,
        text: MeasurementValueReader.text(text, unit!.unit))
    case .success:
      throw MeasurementsError(
        location(of: field), "`\(text)` has a unit, and the `unit` column gives another")
    case .failure:
      throw MeasurementsError(
        location(of: field), "`\(ValueReader.clip(text))` is not a quantity",
        hint: "write a number and a unit: \(QuantityUnit.examples)")
    }
    figures[slot].summary = Located(quantity, at: location(of: field))
  }

  private mutating func addSample(_ slot: Int) throws(MeasurementsError) {
    let field = field(.sample)!
    try claim(slot, as: .samples, at: field)
    let bytes = UnsafeBufferPointer(rebasing: scanner.bytes[field.start..<field.end])
    guard let (value, length) = DecimalScanner.scanPrefix(bytes), value.isFinite else {
      throw MeasurementsError(
        location(of: field),
        "`\(ValueReader.clip(scanner.text(field)))` is not a sample: write a non-negative number")
    }
    var suffixStart = length
    if suffixStart < bytes.count, bytes[suffixStart] == UInt8(ascii: " ") { suffixStart += 1 }
    let suffix = String(
      decoding: UnsafeBufferPointer(rebasing: bytes[suffixStart...]), as: UTF8.self)
    let fromColumn = try columnUnit()
    if !suffix.isEmpty, fromColumn != nil {
      throw MeasurementsError(
        location(of: field), "this sample has a unit, and the `unit` column gives another")
    }
    var resolved = fromColumn
    if resolved == nil { resolved = try unit(named: suffix, at: field) }
    guard let (unit, scale) = resolved else {
      return try appendSample(value, unit: .plain, slot: slot, at: field)
    }
    try appendSample(scale.toBase(value), unit: unit, slot: slot, at: field)
  }

  private mutating func appendSample(
    _ value: Double, unit: QuantityUnit, slot: Int, at field: CSVScanner.Field
  ) throws(MeasurementsError) {
    if let first = figures[slot].sampleUnit {
      guard first.family.unified(with: unit.family) != nil else {
        throw MeasurementsError(
          location(of: field),
          "this sample is a \(unit.family), but the samples before it are a \(first.family)")
      }
    } else {
      figures[slot].sampleUnit = unit
    }
    figures[slot].samples.append(value)
  }

  private mutating func addBucket(_ slot: Int) throws(MeasurementsError) {
    let goodField = field(.good)!
    try claim(slot, as: .series, at: goodField)
    let good = try count(goodField)
    let total = try count(field(.total)!)
    guard good <= total else {
      throw MeasurementsError(
        location(of: goodField), "more good events than events in this bucket")
    }
    guard let widthField = field(.bucket) else {
      throw MeasurementsError(
        location(column: 1), "a `good`/`total` row needs `bucket`, the bucket's width such as 5m")
    }
    let widthText = scanner.text(widthField)
    guard case .success(let width) = QuantityParser.parse(widthText), width.family == .duration,
      width.baseValue > 0
    else {
      throw MeasurementsError(
        location(of: widthField),
        "`bucket` must be a positive duration such as 5m, found `\(ValueReader.clip(widthText))`")
    }
    if let known = figures[slot].bucketWidth, known.baseValue != width.baseValue {
      throw MeasurementsError(
        location(of: widthField),
        "this bucket is \(width.text) wide; earlier ones of this series are \(known.text)")
    }
    figures[slot].bucketWidth = width
    var start: Date?
    if let startField = field(.start) {
      let text = scanner.text(startField)
      guard let date = Timestamp.parse(text) else {
        throw MeasurementsError(
          location(of: startField), "`start` must be a timestamp such as 2026-11-25T10:00:00Z")
      }
      start = date
    }
    figures[slot].buckets.append(
      CSVBucket(start: start, good: good, total: total, location: location(of: goodField)))
  }

  /// Marks the figure as made of one kind of row, refusing a second kind or a second value.
  private mutating func claim(_ slot: Int, as kind: CSVFigure.Kind, at field: CSVScanner.Field)
    throws(MeasurementsError)
  {
    let figure = figures[slot]
    if let existing = figure.kind, existing != kind || kind == .summary {
      throw MeasurementsError(
        location(of: field),
        "`\(figure.metric.value)` of `\(figure.budget.value)` already has \(existing.rawValue) (line \(figure.metric.location.line))",
        hint: "a metric takes one value, raw samples, or one series")
    }
    figures[slot].kind = kind
  }

  private func count(_ field: CSVScanner.Field) throws(MeasurementsError) -> Double {
    let bytes = UnsafeBufferPointer(rebasing: scanner.bytes[field.start..<field.end])
    guard let (value, length) = DecimalScanner.scanPrefix(bytes), length == bytes.count,
      value.isFinite
    else {
      throw MeasurementsError(
        location(of: field), "`\(ValueReader.clip(scanner.text(field)))` is not an event count")
    }
    return value
  }

  /// The unit in the row's `unit` column, if any.
  private mutating func columnUnit() throws(MeasurementsError) -> (
    unit: QuantityUnit, scale: UnitScale
  )? {
    guard let field = field(.unit) else { return nil }
    return try unit(named: scanner.text(field), at: field)
  }

  private mutating func unit(named symbol: String, at field: CSVScanner.Field)
    throws(MeasurementsError)
    -> (unit: QuantityUnit, scale: UnitScale)?
  {
    guard !symbol.isEmpty else { return nil }
    if let lastUnit, lastUnit.text == symbol { return (lastUnit.unit, lastUnit.scale) }
    guard let unit = QuantityUnit.named(symbol) else {
      throw MeasurementsError(
        location(of: field), "bursar does not know the unit `\(ValueReader.clip(symbol))`",
        hint: "write a unit such as ms, s, MiB or %")
    }
    lastUnit = (symbol, unit, UnitScale(unit))
    return (unit, UnitScale(unit))
  }

  /// The row's field in a column, nil when the column is absent or the field empty.
  private func field(_ column: Column) -> CSVScanner.Field? {
    guard let position = position(column) else { return nil }
    let field = fields[position]
    return field.end > field.start ? field : nil
  }

  private func position(_ column: Column) -> Int? {
    positions[column.ordinal]
  }

  func location(column: Int) -> SourceLocation {
    SourceLocation(path: path, line: scanner.line, column: column)
  }

  func location(of field: CSVScanner.Field) -> SourceLocation {
    location(column: scanner.column(of: field.start))
  }

  private func name<Kind>(_ field: CSVScanner.Field, _ kind: Kind.Type) throws(MeasurementsError)
    -> Located<Identifier<Kind>>
  {
    let text = scanner.text(field)
    guard Kind.isValid(text) else {
      throw MeasurementsError(
        location(of: field), "`\(ValueReader.clip(text))` is not a valid \(Kind.noun) name")
    }
    return Located(Identifier(text), at: location(of: field))
  }
}
