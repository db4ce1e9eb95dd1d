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
      // Eight ASCII bytes at a time when none is a newline: each is one column.
      if index + 8 <= offset, let base = bytes.baseAddress {
        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        let newlines = word ^ 0x0A0A_0A0A_0A0A_0A0A
        let hasNewline = (newlines &- 0x0101_0101_0101_0101) & ~newlines & 0x8080_8080_8080_8080
        if hasNewline == 0, word & 0x8080_8080_8080_8080 == 0 {
          column += 8
          index += 8
          continue
        }
      }
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
