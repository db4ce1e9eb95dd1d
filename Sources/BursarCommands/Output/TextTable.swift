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
    let columns = rows.map(\.count).max() ?? 0
    let widths = (0..<columns).map { column in
      rows.map { column < $0.count ? $0[column].text.count : 0 }.max() ?? 0
    }
    return rows.map { row in
      var line = indent
      for (column, cell) in row.enumerated() {
        let isLast = column == row.count - 1
        let padding =
          isLast ? "" : String(repeating: " ", count: widths[column] - cell.text.count + 2)
        line += cell.style(cell.text) + padding
      }
      while line.hasSuffix(" ") { line.removeLast() }
      return line
    }
  }
}
