/// A table printed while its rows still arrive: the first `lookAhead` rows are held back to
/// measure the columns, then the header and those rows are printed and the widths stay fixed.
///
/// A column is as wide as its widest cell among the rows measured (and its title), at most its
/// cap. A later or longer cell is never cut: it pushes the rest of its own row to the right.
struct StreamedTable {
  /// A column: its title and the most characters it is padded to.
  struct Column {
    var title: String
    var cap: Int
  }

  let columns: [Column]
  var lookAhead = 100
  private var held: [[TextTable.Cell]] = []
  private var widths: [Int]?

  init(columns: [Column], lookAhead: Int = 100) {
    self.columns = columns
    self.lookAhead = lookAhead
  }

  /// The lines ready to print after this row: none while rows are held back.
  mutating func add(_ row: [TextTable.Cell]) -> [String] {
    if let widths { return [Self.line(row, widths)] }
    held.append(row)
    return held.count < lookAhead ? [] : release()
  }

  /// The lines still held back, with the header; empty when no row came at all.
  mutating func finish() -> [String] {
    widths == nil && !held.isEmpty ? release() : []
  }

  private mutating func release() -> [String] {
    let measured = columns.indices.map { column in
      let widest = held.map { column < $0.count ? $0[column].text.count : 0 }.max() ?? 0
      return min(
        max(widest, columns[column].title.count),
        max(columns[column].cap, columns[column].title.count))
    }
    widths = measured
    let header = Self.line(columns.map { TextTable.Cell(text: $0.title) }, measured)
    defer { held = [] }
    return [header] + held.map { Self.line($0, measured) }
  }

  /// Cells padded to their widths and two spaces apart; the last is never padded.
  private static func line(_ row: [TextTable.Cell], _ widths: [Int]) -> String {
    var line = ""
    for (column, cell) in row.enumerated() {
      let isLast = column == row.count - 1
      let width = column < widths.count ? widths[column] : 0
      let padding = isLast ? "" : String(repeating: " ", count: max(width - cell.text.count, 0) + 2)
      line += cell.style(cell.text) + padding
    }
    while line.hasSuffix(" ") { line.removeLast() }
    return line
  }
}
