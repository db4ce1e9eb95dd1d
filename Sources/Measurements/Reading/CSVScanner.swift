import BudgetKit
import Foundation

/// Splits CSV bytes (RFC 4180: commas, double quotes, `""` inside quotes, LF or CRLF) into
/// records of fields, without copying them.
///
/// Blank lines and lines starting with `#` are skipped.
struct CSVScanner {
  /// One field: its bytes (inside the quotes when quoted) and where it starts.
  struct Field {
    var start: Int
    var end: Int
    var quoted: Bool
  }

  let bytes: UnsafeBufferPointer<UInt8>
  private(set) var index = 0
  /// The line the current record starts on.
  private(set) var line = 0
  /// The offset of the first byte of the current record's line.
  private(set) var lineStart = 0
  private var nextLine = 1

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// Reads the next record into `fields`; false at the end of the file.
  mutating func next(into fields: inout [Field]) throws(CSVScanError) -> Bool {
    fields.removeAll(keepingCapacity: true)
    skipBlankAndCommentLines()
    guard index < bytes.count else { return false }
    line = nextLine
    lineStart = index
    while true {
      fields.append(try field())
      guard index < bytes.count else { return true }
      switch bytes[index] {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "\r")
      where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n"):
        index += 2
        nextLine += 1
        return true
      case UInt8(ascii: "\n"):
        index += 1
        nextLine += 1
        return true
      default:
        throw CSVScanError(
          offset: index, message: "a quoted field must end at a comma or the end of the line")
      }
    }
  }

  private mutating func field() throws(CSVScanError) -> Field {
    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
      let start = index
      while index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\n") { break }
        if byte == UInt8(ascii: "\r"), index + 1 < bytes.count,
          bytes[index + 1] == UInt8(ascii: "\n")
        {
          break
        }
        if byte == UInt8(ascii: "\"") {
          throw CSVScanError(offset: index, message: "a quote inside an unquoted field")
        }
        index += 1
      }
      return Field(start: start, end: index, quoted: false)
    }
    let open = index
    index += 1
    let start = index
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "\"") {
        if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
          index += 2
          continue
        }
        index += 1
        return Field(start: start, end: index - 1, quoted: true)
      }
      if bytes[index] == UInt8(ascii: "\n") { nextLine += 1 }
      index += 1
    }
    throw CSVScanError(offset: open, message: "a quoted field is never closed")
  }

  private mutating func skipBlankAndCommentLines() {
    while index < bytes.count {
      var end = index
      while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
      let isComment = bytes[index] == UInt8(ascii: "#")
      let isBlank = (index..<end).allSatisfy {
        bytes[$0] == UInt8(ascii: " ") || bytes[$0] == UInt8(ascii: "\r")
      }
      guard isComment || isBlank else { return }
      index = min(end + 1, bytes.count)
      nextLine += 1
    }
  }

  /// A field's text, with `""` inside quotes read as one quote.
  func text(_ field: Field) -> String {
    let text = String(
      decoding: UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]), as: UTF8.self)
    return field.quoted ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
  }

  /// Whether two fields hold the same bytes.
  func same(_ left: Field, _ right: Field) -> Bool {
    let length = left.end - left.start
    guard length == right.end - right.start, left.quoted == right.quoted else { return false }
    for offset in 0..<length where bytes[left.start + offset] != bytes[right.start + offset] {
      return false
    }
    return true
  }

  /// The column of a byte of the current record's line, counted in Unicode scalars from 1.
  func column(of offset: Int) -> Int {
    var column = 1
    var position = lineStart
    while position < offset {
      if bytes[position] & 0xC0 != 0x80 { column += 1 }
      position += 1
    }
    return column
  }
}

/// A malformed CSV record, at a byte offset.
struct CSVScanError: Error {
  var offset: Int
  var message: String
}
