import BudgetKit

/// Reads Locust's `--csv` outputs: `<prefix>_stats.csv` (one row per request, and `Aggregated`)
/// and `<prefix>_stats_history.csv` (one row per request and instant: a series per statistic).
///
/// Columns are found by their header names, so newer or older Locust versions that add, drop or
/// reorder columns read the same. Locust writes response times in milliseconds, rates per
/// second and content sizes in bytes; a column bursar does not know is read without a unit,
/// for a mapping to give one. `N/A` and empty cells are no figure.
public struct LocustImporter: Sendable {
  public init() {}

  /// The file's kind, by its header.
  enum Layout {
    case stats
    case history
  }

  /// Older Locust versions' names for the columns, and the names bursar uses for them.
  static let aliases: [String: String] = [
    "# requests": "Request Count", "# failures": "Failure Count",
    "Median response time": "Median Response Time",
    "Average response time": "Average Response Time",
    "Min response time": "Min Response Time", "Max response time": "Max Response Time",
    "Average Content Size": "Average Content Size", "Requests/s": "Requests/s",
    "Method": "Type",
  ]

  /// The unit Locust writes a column in; nil for a column bursar does not know.
  static func unit(of statistic: String) -> QuantityUnit? {
    let name = statistic.hasPrefix("Total ") ? String(statistic.dropFirst(6)) : statistic
    if name.hasSuffix("%") { return QuantityUnit.named("ms") }
    switch name {
    case "Median Response Time", "Average Response Time", "Min Response Time",
      "Max Response Time":
      return QuantityUnit.named("ms")
    case "Requests/s", "Failures/s": return QuantityUnit.named("/s")
    case "Request Count", "Failure Count", "User Count": return .plain
    case "Average Content Size": return QuantityUnit.named("B")
    default: return nil
    }
  }

  static func layout(ofHeader names: [String]) -> Layout? {
    let set = Set(names.map { aliases[$0] ?? $0 })
    guard set.contains("Name") else { return nil }
    if set.contains("Timestamp") { return .history }
    if set.contains("Request Count") { return .stats }
    return nil
  }

  public func figures(from output: ToolOutput) throws(MeasurementsError) -> [ToolFigure] {
    let path = output.path
    if let bad = RawTextChecks.firstInvalidUTF8Offset(output.bytes) {
      throw MeasurementsError(
        .start(of: path), "the file is not valid UTF-8 (at byte \(bad))")
    }
    return try output.bytes.withUnsafeBufferPointer { buffer throws(MeasurementsError) in
      var reader = LocustCSV(path: path, scanner: CSVScanner(bytes: buffer))
      return try reader.read()
    }
  }
}

/// One pass over a Locust CSV file.
private struct LocustCSV {
  let path: String
  var scanner: CSVScanner
  var fields: [CSVScanner.Field] = []

  init(path: String, scanner: CSVScanner) {
    self.path = path
    self.scanner = scanner
  }

  /// A request's series while the history is read: one list of instants, one of values per
  /// statistic (NaN where the cell held no figure).
  struct Group {
    var type: String
    var name: String
    var location: SourceLocation
    var times: [Double] = []
    var values: [[Double]]
  }

  mutating func read() throws(MeasurementsError) -> [ToolFigure] {
    guard try next() else {
      throw MeasurementsError(
        .start(of: path),
        "the file is empty: expected Locust's `_stats.csv` or `_stats_history.csv`"
      )
    }
    let header = fields.map { LocustImporter.aliases[scanner.text($0)] ?? scanner.text($0) }
    guard let layout = LocustImporter.layout(ofHeader: header) else {
      throw MeasurementsError(
        .start(of: path),
        "this is not a Locust CSV file: its header names neither `Type,Name,Request Count,…` (`_stats.csv`) nor `Timestamp,…,Name,…` (`_stats_history.csv`)",
        hint:
          "give the file `locust --csv PREFIX` writes, PREFIX_stats.csv or PREFIX_stats_history.csv"
      )
    }
    let nameColumn = header.firstIndex(of: "Name")!
    let typeColumn = header.firstIndex(of: "Type")
    let timeColumn = header.firstIndex(of: "Timestamp")
    var seen = Set<String>()
    for (index, name) in header.enumerated() where !seen.insert(name).inserted {
      throw MeasurementsError(
        location(column: index), "the column `\(name)` appears twice in the header")
    }
    let statistics = header.indices.filter {
      $0 != nameColumn && $0 != typeColumn && $0 != timeColumn
    }
    let units = statistics.map { LocustImporter.unit(of: header[$0]) }
    switch layout {
    case .stats:
      return try readStats(
        header: header, name: nameColumn, type: typeColumn, statistics: statistics, units: units)
    case .history:
      return try readHistory(
        header: header, name: nameColumn, type: typeColumn, time: timeColumn!,
        statistics: statistics, units: units)
    }
  }

  private mutating func readStats(
    header: [String], name: Int, type: Int?, statistics: [Int], units: [QuantityUnit?]
  ) throws(MeasurementsError) -> [ToolFigure] {
    var figures: [ToolFigure] = []
    while try next() {
      try checkWidth(header.count)
      let request = scanner.text(fields[name])
      let labels =
        type.map { scanner.text(fields[$0]) }.flatMap { $0.isEmpty ? nil : $0 }.map {
          ["Type": $0]
        } ?? [:]
      for (slot, column) in statistics.enumerated() {
        guard let value = try number(column, header: header) else { continue }
        figures.append(
          ToolFigure(
            tool: .locust, name: request, labels: labels, statistic: header[column],
            value: .number(value, unit: units[slot]), location: location(of: fields[column])))
      }
    }
    return figures
  }

  private mutating func readHistory(
    header: [String], name: Int, type: Int?, time: Int, statistics: [Int], units: [QuantityUnit?]
  ) throws(MeasurementsError) -> [ToolFigure] {
    var groups: [Group] = []
    var index: [String: Int] = [:]
    while try next() {
      try checkWidth(header.count)
      guard let instant = try number(time, header: header) else {
        throw MeasurementsError(
          location(of: fields[time]), "a history row needs its `Timestamp` (seconds since 1970)")
      }
      let typeText = type.map { scanner.text(fields[$0]) } ?? ""
      let request = scanner.text(fields[name])
      let key = typeText + "\u{0}" + request
      let slot: Int
      if let known = index[key] {
        slot = known
      } else {
        slot = groups.count
        index[key] = slot
        groups.append(
          Group(
            type: typeText, name: request, location: location(of: fields[name]),
            values: Array(repeating: [], count: statistics.count)))
      }
      groups[slot].times.append(instant)
      for (position, column) in statistics.enumerated() {
        groups[slot].values[position].append(try number(column, header: header) ?? .nan)
      }
    }
    var figures: [ToolFigure] = []
    for group in groups {
      let labels = group.type.isEmpty ? [:] : ["Type": group.type]
      for (position, column) in statistics.enumerated() {
        let values = group.values[position]
        let series: TimeSeries
        if values.contains(where: \.isNaN) {
          let kept = values.indices.filter { !values[$0].isNaN }
          guard !kept.isEmpty else { continue }
          series = TimeSeries(times: kept.map { group.times[$0] }, values: kept.map { values[$0] })
        } else {
          series = TimeSeries(times: group.times, values: values)
        }
        figures.append(
          ToolFigure(
            tool: .locust, name: group.name, labels: labels, statistic: header[column],
            value: .series(series, unit: units[position]), location: group.location))
      }
    }
    return figures
  }

  private mutating func next() throws(MeasurementsError) -> Bool {
    do throws(CSVScanError) {
      return try scanner.next(into: &fields)
    } catch {
      throw MeasurementsError(locationOfOffset(error.offset), error.message)
    }
  }

  private func checkWidth(_ width: Int) throws(MeasurementsError) {
    guard fields.count == width else {
      throw MeasurementsError(
        location(column: min(fields.count, width) - 1),
        "the row has \(fields.count) fields but the header names \(width) columns",
        hint: fields.count < width ? "the file may be cut short" : nil)
    }
  }

  /// The cell as a number; nil for `N/A` or an empty cell, an error for anything else.
  private func number(_ column: Int, header: [String]) throws(MeasurementsError) -> Double? {
    let field = fields[column]
    let bytes = UnsafeBufferPointer(rebasing: scanner.bytes[field.start..<field.end])
    if bytes.isEmpty { return nil }
    if let (value, length) = DecimalScanner.scanPrefix(bytes), length == bytes.count,
      value.isFinite
    {
      return value
    }
    let text = scanner.text(field)
    if text == "N/A" { return nil }
    throw MeasurementsError(
      location(of: field), "`\(text)` in column `\(header[column])` is not a number",
      hint: "Locust writes non-negative decimal numbers, or N/A")
  }

  private func location(of field: CSVScanner.Field) -> SourceLocation {
    SourceLocation(
      path: path, line: scanner.line,
      column: scanner.column(of: field.start - (field.quoted ? 1 : 0)))
  }

  private func location(column: Int) -> SourceLocation {
    guard column >= 0, column < fields.count else {
      return SourceLocation(path: path, line: scanner.line, column: 1)
    }
    return location(of: fields[column])
  }

  private func locationOfOffset(_ offset: Int) -> SourceLocation {
    var position = TextPosition(path: path)
    return position.location(of: min(offset, scanner.bytes.count), in: scanner.bytes)
  }
}
