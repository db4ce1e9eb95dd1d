/// Rows of cells printed in aligned columns, with colour that does not upset the alignment.
struct TextTable {
  /// One cell: its plain text, which sets the width, and how to colour it.
  struct Cell {
    var text: String
    var style: (String) -> String = { $0 }
  }

  private(set) var rows: [[Cell]] = []
  /// Left indent of every row.
  var indent = "  "

  mutating func append(_ cells: [Cell]) {
    rows.append(cells)
  }

  mutating func append(_ texts: String...) {
    rows.append(texts.map { Cell(text: $0) })
  }

  /// The rows as lines; the last column is never padded, so lines carry no trailing spaces.
  func lines() -> [String] {
    // Each cell's width is counted once.
    let counts = rows.map { row in row.map(\.text.count) }
    let columns = rows.map(\.count).max() ?? 0
    var widths = Array(repeating: 0, count: columns)
    for row in counts {
      for (column, count) in row.enumerated() { widths[column] = max(widths[column], count) }
    }
    return zip(rows, counts).map { row, counts in
      var line = indent
      for (column, cell) in row.enumerated() {
        line += cell.style(cell.text)
        if column < row.count - 1 {
          line += String(repeating: " ", count: widths[column] - counts[column] + 2)
        }
      }
      while line.hasSuffix(" ") { line.removeLast() }
      return line
    }
  }
}
