import BudgetKit

/// Reads strict JSON (RFC 8259) into a `MeasurementNode` tree whose nodes know their place.
///
/// Comments, trailing commas, duplicate keys, a byte-order mark and nesting deeper than
/// `maxDepth` are errors. Numbers keep the text they were written with, so `0.961` stays exactly
/// `0.961`; a list of numbers becomes one flat `[Double]`.
struct JSONReader {
  let path: String
  var maxDepth = 64
  /// Whether `[number, "text"]` lists (Prometheus's `[time, "value"]`) and lists of them are read
  /// as flat `.pairs`, eight bytes a number, with the text read as a number (`NaN`, `+Inf` and
  /// `-Inf` included, for the caller to refuse at the place `SamplePairs` keeps).
  var readsPairs = false

  func read(_ bytes: [UInt8]) -> Result<MeasurementNode, MeasurementsError> {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      return .failure(
        MeasurementsError(
          .start(of: path), "the file starts with a byte-order mark",
          hint: "save it as UTF-8 without a BOM"))
    }
    return bytes.withUnsafeBufferPointer { buffer in
      var parser = JSONParser(bytes: buffer, position: TextPosition(path: path), maxDepth: maxDepth)
      parser.readsPairs = readsPairs
      if let bad = RawTextChecks.firstInvalidUTF8Offset(bytes) {
        return .failure(parser.error("the file is not valid UTF-8", at: bad))
      }
      do throws(MeasurementsError) {
        return .success(try parser.document())
      } catch {
        return .failure(error)
      }
    }
  }
}

/// The parser's state over one file's bytes.
private struct JSONParser {
  let bytes: UnsafeBufferPointer<UInt8>
  var position: TextPosition
  let maxDepth: Int
  var index = 0
  var readsPairs = false
  /// The instants of the last list of pairs: the series of a range query share theirs, and
  /// each list that repeats them keeps this one copy (a 1,000-series matrix, one array).
  private var lastPairTimes: [Double] = []

  init(bytes: UnsafeBufferPointer<UInt8>, position: TextPosition, maxDepth: Int) {
    self.bytes = bytes
    self.position = position
    self.maxDepth = maxDepth
  }

  mutating func document() throws(MeasurementsError) -> MeasurementNode {
    skipWhitespace()
    guard index < bytes.count else { throw error("the file holds no JSON document") }
    let node = try value(depth: 0)
    skipWhitespace()
    guard index == bytes.count else {
      throw error("unexpected \(describeHere()) after the JSON document")
    }
    return node
  }

  private mutating func value(depth: Int) throws(MeasurementsError) -> MeasurementNode {
    guard index < bytes.count else {
      throw error("the JSON document ends where a value was expected")
    }
    let start = location()
    switch bytes[index] {
    case UInt8(ascii: "{"): return try object(depth: depth)
    case UInt8(ascii: "["): return try array(depth: depth)
    case UInt8(ascii: "\""):
      return .scalar(
        MeasurementScalar(
          text: try string(), isNumber: false, isQuoted: true, isNull: false, location: start))
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      let (from, to, _) = try number()
      let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
      return .scalar(
        MeasurementScalar(
          text: text, isNumber: true, isQuoted: false, isNull: false, location: start))
    default:
      for word in ["true", "false", "null"] where matches(word) {
        index += word.utf8.count
        return .scalar(
          MeasurementScalar(
            text: word, isNumber: false, isQuoted: false, isNull: word == "null", location: start))
      }
      throw error("unexpected \(describeHere()) where a JSON value was expected")
    }
  }

  private mutating func object(depth: Int) throws(MeasurementsError) -> MeasurementNode {
    let start = location()
    try checkDepth(depth)
    index += 1
    var entries: [MeasurementEntry] = []
    var seen: [String: Int] = [:]
    skipWhitespace()
    if consume(UInt8(ascii: "}")) { return .mapping(entries, start) }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw error("expected a key in quotes, found \(describeHere())")
      }
      let keyLocation = location()
      let key = try string()
      if let first = seen[key] {
        throw MeasurementsError(
          keyLocation,
          "the key `\(key)` appears more than once in the same object (first at line \(first))",
          hint: "keep one entry")
      }
      seen[key] = keyLocation.line
      skipWhitespace()
      guard consume(UInt8(ascii: ":")) else {
        throw error("expected `:` after the key `\(key)`, found \(describeHere())")
      }
      skipWhitespace()
      entries.append(
        MeasurementEntry(key: key, keyLocation: keyLocation, value: try value(depth: depth + 1)))
      skipWhitespace()
      if consume(UInt8(ascii: "}")) { return .mapping(entries, start) }
      guard consume(UInt8(ascii: ",")) else {
        throw error("expected `,` or `}` in an object, found \(describeHere())")
      }
    }
  }

  private mutating func array(depth: Int) throws(MeasurementsError) -> MeasurementNode {
    let start = location()
    try checkDepth(depth)
    index += 1
    skipWhitespace()
    if consume(UInt8(ascii: "]")) { return .list([], start) }
    if readsPairs, isNumberStart, try startsPairValue() { return .pairs(try pair(from: start)) }
    if readsPairs, bytes[index] == UInt8(ascii: "["), startsPair(after: index + 1) {
      return .pairs(try pairList(from: start))
    }
    if isNumberStart { return try numbers(from: start) }
    var items: [MeasurementNode] = []
    while true {
      skipWhitespace()
      items.append(try value(depth: depth + 1))
      skipWhitespace()
      if consume(UInt8(ascii: "]")) { return .list(items, start) }
      guard consume(UInt8(ascii: ",")) else {
        throw error("expected `,` or `]` in a list, found \(describeHere())")
      }
    }
  }

  /// A list that starts with a number holds numbers only: raw samples or event counts.
  private mutating func numbers(from start: SourceLocation) throws(MeasurementsError)
    -> MeasurementNode
  {
    var values: [Double] = []
    while true {
      values.append(try number().value)
      skipWhitespace()
      if consume(UInt8(ascii: "]")) { return .numbers(values, start) }
      guard consume(UInt8(ascii: ",")) else {
        throw error("expected `,` or `]` in a list, found \(describeHere())")
      }
      skipWhitespace()
      guard isNumberStart else {
        throw error(
          "a list that starts with a number must hold only numbers, found \(describeHere())")
      }
    }
  }

  /// Whether a number starts at `offset`, after blanks: the first pair of a list of pairs.
  private func startsPair(after offset: Int) -> Bool {
    var offset = offset
    while offset < bytes.count,
      bytes[offset] == UInt8(ascii: " ") || bytes[offset] == UInt8(ascii: "\n")
        || bytes[offset] == UInt8(ascii: "\t") || bytes[offset] == UInt8(ascii: "\r")
    {
      offset += 1
    }
    return offset < bytes.count && (bytes[offset] == UInt8(ascii: "-") || isDigit(bytes[offset]))
  }

  /// Whether the number here is followed by `,` and a string: the time of a `[time, "value"]`
  /// pair rather than the first of a list of numbers. Reads ahead, then goes back.
  private mutating func startsPairValue() throws(MeasurementsError) -> Bool {
    let saved = index
    defer { index = saved }
    _ = try number()
    skipWhitespace()
    guard consume(UInt8(ascii: ",")) else { return false }
    skipWhitespace()
    return index < bytes.count && bytes[index] == UInt8(ascii: "\"")
  }

  /// `[number, "number"]`, the opening `[` read: one pair.
  private mutating func pair(from start: SourceLocation) throws(MeasurementsError) -> SamplePairs {
    var pairs = SamplePairs(location: start, isSingle: true)
    let (time, value) = try pairBody(into: &pairs)
    pairs.times.append(time)
    pairs.values.append(value)
    return pairs
  }

  /// A list of `[number, "number"]` pairs, the opening `[` read.
  ///
  /// While the instants repeat the last list's (the series of one range query share theirs),
  /// none is stored: the list keeps that one copy, and a list that parts from it copies the
  /// instants it shared so far.
  private mutating func pairList(from start: SourceLocation) throws(MeasurementsError)
    -> SamplePairs
  {
    var pairs = SamplePairs(location: start, isSingle: false)
    pairs.values.reserveCapacity(lastPairTimes.count)
    var times: [Double] = []
    var shared = 0
    var sharing = !lastPairTimes.isEmpty
    while true {
      skipWhitespace()
      guard consume(UInt8(ascii: "[")) else {
        throw error("expected a `[time, \"value\"]` pair, found \(describeHere())")
      }
      skipWhitespace()
      let (time, value) = try pairBody(into: &pairs)
      if sharing, shared < lastPairTimes.count, lastPairTimes[shared] == time {
        shared += 1
      } else {
        if sharing {
          times = Array(lastPairTimes[..<shared])
          times.reserveCapacity(lastPairTimes.count)
          sharing = false
        }
        times.append(time)
      }
      pairs.values.append(value)
      skipWhitespace()
      if consume(UInt8(ascii: "]")) {
        if sharing, shared == lastPairTimes.count {
          pairs.times = lastPairTimes
        } else {
          if sharing { times = Array(lastPairTimes[..<shared]) }
          pairs.times = times
          lastPairTimes = times
        }
        return pairs
      }
      guard consume(UInt8(ascii: ",")) else {
        throw error("expected `,` or `]` in a list, found \(describeHere())")
      }
    }
  }

  /// The inside of a pair after its `[`, and its `]`: the time and the value. The first value
  /// that is `NaN` or infinite is noted in `pairs`, at the index of the pair.
  private mutating func pairBody(into pairs: inout SamplePairs) throws(MeasurementsError) -> (
    time: Double, value: Double
  ) {
    guard isNumberStart else {
      throw error(
        "expected a number as the first of a `[time, \"value\"]` pair, found \(describeHere())")
    }
    let time = try number().value
    skipWhitespace()
    guard consume(UInt8(ascii: ",")) else {
      throw error(
        "expected `,` after the time of a `[time, \"value\"]` pair, found \(describeHere())")
    }
    skipWhitespace()
    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
      throw error(
        "expected the value of a `[time, \"value\"]` pair in quotes, found \(describeHere())")
    }
    let valueOffset = index
    let value = try quotedNumber()
    if !value.isFinite, pairs.firstNonFinite == nil {
      let text = String(
        decoding: UnsafeBufferPointer(rebasing: bytes[(valueOffset + 1)..<(index - 1)]),
        as: UTF8.self)
      pairs.firstNonFinite = (pairs.values.count, location(at: valueOffset), text)
    }
    skipWhitespace()
    guard consume(UInt8(ascii: "]")) else {
      throw error(
        "a `[time, \"value\"]` pair holds two items; expected `]`, found \(describeHere())")
    }
    return (time, value)
  }

  /// A number written as a JSON string, as Prometheus writes values: `"0.5"`, `"1e-05"`,
  /// `"NaN"`, `"+Inf"`, `"-Inf"`.
  private mutating func quotedNumber() throws(MeasurementsError) -> Double {
    let open = index
    if let (value, end) = plainDecimal(at: index + 1, leadingZeros: true),
      end < bytes.count, bytes[end] == UInt8(ascii: "\"")
    {
      index = end + 1
      return value
    }
    index += 1
    let start = index
    while index < bytes.count, bytes[index] != UInt8(ascii: "\""),
      bytes[index] != UInt8(ascii: "\\")
    {
      index += 1
    }
    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
      index = open
      let text = try string()
      throw MeasurementsError(location(at: open), "`\(text)` is not a number")
    }
    let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
    index += 1
    if let (value, length) = DecimalScanner.scanPrefix(slice), length == slice.count {
      return value
    }
    if slice.count > 1, slice[0] == UInt8(ascii: "-"),
      let (value, length) = DecimalScanner.scanPrefix(UnsafeBufferPointer(rebasing: slice[1...])),
      length == slice.count - 1
    {
      return -value
    }
    switch String(decoding: slice, as: UTF8.self) {
    case "NaN": return .nan
    case "+Inf", "Inf": return .infinity
    case "-Inf": return -.infinity
    case let text:
      throw MeasurementsError(
        location(at: open), "`\(text)` is not a number",
        hint: "a Prometheus value is a decimal number in quotes")
    }
  }

  private var isNumberStart: Bool {
    index < bytes.count && (bytes[index] == UInt8(ascii: "-") || isDigit(bytes[index]))
  }

  /// `-?digits(.digits)?` at `offset`, of at most 15 digits and followed by no digit, `.`, `e`
  /// or `E`: the value (exact: both the digits and the power of ten are, and one division of
  /// exact doubles is correctly rounded) and where it ends; nil for anything else, which the
  /// full scan reads or refuses. JSON numbers have no leading zeros; quoted values may.
  private func plainDecimal(at offset: Int, leadingZeros: Bool) -> (value: Double, end: Int)? {
    var cursor = offset
    let negative = cursor < bytes.count && bytes[cursor] == UInt8(ascii: "-")
    if negative { cursor += 1 }
    var mantissa: UInt64 = 0
    var digits = 0
    var fraction = 0
    let integerStart = cursor
    while cursor < bytes.count, digits < 16 {
      let digit = bytes[cursor] &- UInt8(ascii: "0")
      guard digit < 10 else { break }
      mantissa = mantissa &* 10 &+ UInt64(digit)
      digits += 1
      cursor += 1
    }
    guard digits > 0 else { return nil }
    if !leadingZeros, digits > 1, bytes[integerStart] == UInt8(ascii: "0") { return nil }
    if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ".") {
      cursor += 1
      while cursor < bytes.count, digits < 16 {
        let digit = bytes[cursor] &- UInt8(ascii: "0")
        guard digit < 10 else { break }
        mantissa = mantissa &* 10 &+ UInt64(digit)
        digits += 1
        fraction += 1
        cursor += 1
      }
      guard fraction > 0 else { return nil }
    }
    guard digits <= 15 else { return nil }
    if cursor < bytes.count {
      let next = bytes[cursor]
      if next &- UInt8(ascii: "0") < 10 || next == UInt8(ascii: ".") || next == UInt8(ascii: "e")
        || next == UInt8(ascii: "E")
      {
        return nil
      }
    }
    var magnitude = Double(mantissa)
    if fraction > 0 {
      var power = 1.0
      for _ in 0..<fraction { power *= 10 }
      magnitude /= power
    }
    return (negative ? -magnitude : magnitude, cursor)
  }

  /// Scans a number by JSON's grammar and computes its value.
  private mutating func number() throws(MeasurementsError) -> (from: Int, to: Int, value: Double) {
    let from = index
    if let (value, end) = plainDecimal(at: index, leadingZeros: false) {
      index = end
      return (from, end, value)
    }
    var scanner = DecimalScanner()
    if consume(UInt8(ascii: "-")) { scanner.negative = true }
    guard index < bytes.count, isDigit(bytes[index]) else {
      throw error("invalid number: a digit must follow `-`")
    }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
      if index < bytes.count, isDigit(bytes[index]) {
        throw error("invalid number: no leading zeros in JSON", at: from)
      }
    } else {
      while index < bytes.count, isDigit(bytes[index]) {
        scanner.addInteger(bytes[index])
        index += 1
      }
    }
    if consume(UInt8(ascii: ".")) {
      guard index < bytes.count, isDigit(bytes[index]) else {
        throw error("invalid number: a digit must follow `.`")
      }
      while index < bytes.count, isDigit(bytes[index]) {
        scanner.addFraction(bytes[index])
        index += 1
      }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      var sign = 1
      if consume(UInt8(ascii: "-")) { sign = -1 } else { _ = consume(UInt8(ascii: "+")) }
      guard index < bytes.count, isDigit(bytes[index]) else {
        throw error("invalid number: a digit must follow the exponent")
      }
      var exponent = 0
      while index < bytes.count, isDigit(bytes[index]) {
        exponent = min(exponent * 10 + Int(bytes[index] - UInt8(ascii: "0")), 100_000)
        index += 1
      }
      scanner.exponent += sign * exponent
    }
    let slice = UnsafeBufferPointer(rebasing: bytes[from..<index])
    return (from, index, scanner.value(orParsing: slice))
  }

  /// A string's content with escapes resolved.
  private mutating func string() throws(MeasurementsError) -> String {
    let open = index
    index += 1
    var plainStart = index
    var text = ""
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        text += String(
          decoding: UnsafeBufferPointer(rebasing: bytes[plainStart..<index]), as: UTF8.self)
        index += 1
        return text
      }
      if byte < 0x20 { throw error("a control character inside a string must be escaped") }
      if byte == UInt8(ascii: "\\") {
        text += String(
          decoding: UnsafeBufferPointer(rebasing: bytes[plainStart..<index]), as: UTF8.self)
        text.unicodeScalars.append(try escape())
        plainStart = index
        continue
      }
      index += 1
    }
    throw error("a string is never closed", at: open)
  }

  /// One escape sequence after a backslash, including `\u` surrogate pairs.
  private mutating func escape() throws(MeasurementsError) -> Unicode.Scalar {
    let start = index
    index += 1
    guard index < bytes.count else { throw error("a string is never closed", at: start) }
    let letter = bytes[index]
    index += 1
    switch letter {
    case UInt8(ascii: "\""): return "\""
    case UInt8(ascii: "\\"): return "\\"
    case UInt8(ascii: "/"): return "/"
    case UInt8(ascii: "b"): return "\u{8}"
    case UInt8(ascii: "f"): return "\u{C}"
    case UInt8(ascii: "n"): return "\n"
    case UInt8(ascii: "r"): return "\r"
    case UInt8(ascii: "t"): return "\t"
    case UInt8(ascii: "u"):
      let high = try hex4(escapeAt: start)
      guard (0xD800...0xDBFF).contains(high) else {
        guard let scalar = Unicode.Scalar(high) else {
          throw error("`\\u` names a lone surrogate", at: start)
        }
        return scalar
      }
      guard consume(UInt8(ascii: "\\")), consume(UInt8(ascii: "u")) else {
        throw error("`\\u` names a lone surrogate", at: start)
      }
      let low = try hex4(escapeAt: start)
      guard (0xDC00...0xDFFF).contains(low),
        let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
      else { throw error("`\\u` names a lone surrogate", at: start) }
      return scalar
    default:
      throw error("`\\\(Unicode.Scalar(letter))` is not a JSON escape", at: start)
    }
  }

  private mutating func hex4(escapeAt start: Int) throws(MeasurementsError) -> UInt32 {
    guard index + 4 <= bytes.count else {
      throw error("`\\u` needs four hexadecimal digits", at: start)
    }
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let digit = Character(Unicode.Scalar(bytes[index])).hexDigitValue else {
        throw error("`\\u` needs four hexadecimal digits", at: start)
      }
      value = value * 16 + UInt32(digit)
      index += 1
    }
    return value
  }

  private mutating func checkDepth(_ depth: Int) throws(MeasurementsError) {
    if depth >= maxDepth { throw error("the document nests deeper than \(maxDepth) levels") }
  }

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): index += 1
      default: return
      }
    }
  }

  private mutating func consume(_ byte: UInt8) -> Bool {
    guard index < bytes.count, bytes[index] == byte else { return false }
    index += 1
    return true
  }

  private func matches(_ word: String) -> Bool {
    let utf8 = Array(word.utf8)
    guard index + utf8.count <= bytes.count else { return false }
    return (0..<utf8.count).allSatisfy { bytes[index + $0] == utf8[$0] }
  }

  private func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  /// The next character for a message: `x`, or "the end of the file".
  private func describeHere() -> String {
    guard index < bytes.count else { return "the end of the file" }
    let byte = bytes[index]
    guard byte >= 0x20, byte < 0x7F else {
      return byte < 0x80 ? "a control character" : "a non-ASCII character"
    }
    return "`\(Character(Unicode.Scalar(byte)))`"
  }

  private mutating func location(at offset: Int? = nil) -> SourceLocation {
    position.location(of: offset ?? index, in: bytes)
  }

  mutating func error(_ message: String, at offset: Int? = nil) -> MeasurementsError {
    MeasurementsError(location(at: offset), message)
  }
}
