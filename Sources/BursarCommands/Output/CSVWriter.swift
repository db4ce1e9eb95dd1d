/// bursar's one CSV writer: RFC 4180 rows of typed cells, safe to open in a spreadsheet.
///
/// A field holding a comma, a double quote or a line break is quoted, its quotes doubled. A
/// text cell that starts with `=`, `+`, `-` or `@` gets a leading `'`, so a spreadsheet shows
/// it instead of running it as a formula, unless the whole cell is a plain decimal number
/// (`-12`, `+0.5`, `-1.5e3`), which a spreadsheet reads as that number. Number cells are never
/// prefixed.
enum CSVWriter {
  /// One field of a row.
  enum Cell: Hashable, Sendable {
    /// Free text: names, values as written, rationales; guarded against formulas.
    case text(String)
    /// A figure bursar computed, written as is.
    case number(String)
  }

  /// One row, fields joined by commas, without a line break.
  static func row(_ cells: [Cell]) -> String {
    cells.map(field).joined(separator: ",")
  }

  /// A row of text cells, such as a header.
  static func row(_ texts: [String]) -> String {
    row(texts.map(Cell.text))
  }

  /// One field's text: guarded when it is text, then quoted when RFC 4180 asks for it.
  static func field(_ cell: Cell) -> String {
    switch cell {
    case .text(let text): quoted(isFormula(text) ? "'" + text : text)
    case .number(let text): quoted(text)
    }
  }

  /// Whether a spreadsheet would run the text as a formula.
  static func isFormula(_ text: String) -> Bool {
    guard let first = text.first, "=+-@".contains(first) else { return false }
    return !isDecimal(text)
  }

  private static func quoted(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// A sign, digits with at most one decimal point, and an optional exponent: nothing a
  /// spreadsheet would evaluate.
  private static func isDecimal(_ text: String) -> Bool {
    var scalars = text.unicodeScalars[...]
    if let sign = scalars.first, sign == "+" || sign == "-" { scalars = scalars.dropFirst() }
    func digits() -> Int {
      let count = scalars.prefix { ("0"..."9").contains($0) }.count
      scalars = scalars.dropFirst(count)
      return count
    }
    var mantissa = digits()
    if scalars.first == "." {
      scalars = scalars.dropFirst()
      mantissa += digits()
    }
    guard mantissa > 0 else { return false }
    if let e = scalars.first, e == "e" || e == "E" {
      scalars = scalars.dropFirst()
      if let sign = scalars.first, sign == "+" || sign == "-" { scalars = scalars.dropFirst() }
      guard digits() > 0 else { return false }
    }
    return scalars.isEmpty
  }
}
