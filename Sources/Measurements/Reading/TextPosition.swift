import BudgetKit

/// Turns byte offsets into lines and columns, cheaply for offsets that only move forward.
///
/// Columns count Unicode scalars, as the YAML reader's do. A minified JSON file is one long line,
/// so each column is counted on from the last one asked for rather than from the line's start.
struct TextPosition {
  let path: String
  private(set) var line = 1
  private var scanned = 0
  private var column = 1

  init(path: String) {
    self.path = path
  }

  /// The place of the byte at `offset`; offsets before the last one asked for are recounted.
  mutating func location(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> SourceLocation {
    if offset < scanned { (line, scanned, column) = (1, 0, 1) }
    var index = scanned
    while index < offset {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
      index += 1
    }
    scanned = offset
    return SourceLocation(path: path, line: line, column: column)
  }
}
