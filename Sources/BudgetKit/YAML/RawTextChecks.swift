/// Checks on a file's bytes that come before any YAML parsing: size, binary content, encoding,
/// byte-order marks and tab indentation.
public struct RawTextChecks {
  var limits: ReadLimits

  func firstProblem(in bytes: [UInt8], path: String) -> Diagnostic? {
    if bytes.count > limits.maxFileBytes {
      return Diagnostic(
        .fileTooLarge, at: .start(of: path),
        "the file is \(bytes.count) bytes; budget files may be at most \(limits.maxFileBytes) bytes",
        hint: "split it into several files")
    }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      return Diagnostic(
        .yamlBOM, at: .start(of: path), "the file starts with a byte-order mark",
        hint: "save it as UTF-8 without a BOM")
    }
    if let nul = bytes.firstIndex(of: 0) {
      return Diagnostic(
        .fileEncoding, at: location(ofByte: nul, in: bytes, path: path),
        "the file contains a NUL byte; it looks like a binary file, not YAML")
    }
    if let bad = Self.firstInvalidUTF8Offset(bytes) {
      return Diagnostic(
        .fileEncoding, at: location(ofByte: bad, in: bytes, path: path),
        "the file is not valid UTF-8", hint: "save it as UTF-8")
    }
    return firstTabIndent(in: bytes, path: path)
  }

  /// The first tab among a line's leading blanks: YAML indents with spaces only.
  private func firstTabIndent(in bytes: [UInt8], path: String) -> Diagnostic? {
    var line = 1
    var column = 1
    var inIndent = true
    for byte in bytes {
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
        inIndent = true
        continue
      }
      if inIndent {
        if byte == UInt8(ascii: "\t") {
          return Diagnostic(
            .yamlTab, at: SourceLocation(path: path, line: line, column: column),
            "a tab is used for indentation", hint: "YAML indents with spaces only")
        }
        if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "-") { inIndent = false }
      }
      // Columns count Unicode scalars: continuation bytes do not start one.
      if byte & 0xC0 != 0x80 { column += 1 }
    }
    return nil
  }

  private func location(ofByte offset: Int, in bytes: [UInt8], path: String) -> SourceLocation {
    var line = 1
    var column = 1
    for byte in bytes[..<offset] {
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    return SourceLocation(path: path, line: line, column: column)
  }

  /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence.
  public static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { bytes in
      guard let base = bytes.baseAddress else { return nil }
      var index = 0
      while index < bytes.count {
        // Eight ASCII bytes at a time, the common case of a measurements file or a tool's
        // output; the first word holding a byte from 0x80 is read byte by byte.
        while index + 8 <= bytes.count,
          UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080
            == 0
        {
          index += 8
        }
        guard index < bytes.count else { return nil }
        guard let length = UTF8Sequence.length(at: index, in: bytes) else { return index }
        index += length
      }
      return nil
    }
  }
}

/// One UTF-8 sequence as RFC 3629 has it: no overlong form, no surrogate, nothing above
/// U+10FFFF.
public enum UTF8Sequence {
  /// The length of the well-formed sequence that starts at `index` (1 to 4), or nil when none
  /// does.
  @inline(__always)
  public static func length(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let length: Int
    var lower: UInt8 = 0x80
    var upper: UInt8 = 0xBF
    switch bytes[index] {
    case 0x00...0x7F: return 1
    case 0xC2...0xDF: length = 2
    case 0xE0: (length, lower) = (3, 0xA0)
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED: (length, upper) = (3, 0x9F)
    case 0xF0: (length, lower) = (4, 0x90)
    case 0xF1...0xF3: length = 4
    case 0xF4: (length, upper) = (4, 0x8F)
    default: return nil
    }
    guard index + length <= bytes.count else { return nil }
    for offset in 1..<length {
      let byte = bytes[index + offset]
      let (low, high) = offset == 1 ? (lower, upper) : (0x80, 0xBF)
      if byte < low || byte > high { return nil }
    }
    return length
  }
}
