import BudgetKit

/// The bytes of a stored run with every budget but one left out of its `budgets` list, found by
/// scanning the JSON bytes once without building any value: what `history` of one budget
/// decodes instead of the whole run (`RunDocument.decode(_:file:only:)`).
///
/// The scan checks the whole document as strictly as the decoder does (RFC 8259 syntax, UTF-8,
/// escapes), and that every budget left out is an object whose `name` is a string, which is
/// all a full read asks of the budgets it passes over. Whatever it is not sure of (a name or a
/// key written with escapes, a key given twice, deep nesting, a lone surrogate escape) makes it
/// answer nil, and the caller decodes the whole document as before: the slice is a shortcut
/// taken only where it gives the same run.
public enum RunBudgetSlice {
  /// How deep the scan follows nested values before it leaves the document to the decoder.
  static let maxDepth = 256

  /// `bytes` with only the budgets named `name` kept in `budgets`, or nil when the scan cannot
  /// tell that the document is well formed (or finds no `budgets` list).
  public static func slice(_ bytes: [UInt8], keeping name: String) -> [UInt8]? {
    let wanted = Array(name.utf8)
    return bytes.withUnsafeBufferPointer { buffer -> [UInt8]? in
      var scanner = Scanner(bytes: buffer)
      guard let list = scanner.document(keeping: wanted) else { return nil }
      var sliced: [UInt8] = []
      sliced.reserveCapacity(
        list.open + 1 + list.kept.reduce(0) { $0 + $1.count + 1 } + bytes.count - list.close)
      sliced.append(contentsOf: buffer[..<(list.open + 1)])
      for (index, range) in list.kept.enumerated() {
        if index > 0 { sliced.append(UInt8(ascii: ",")) }
        sliced.append(contentsOf: buffer[range])
      }
      sliced.append(contentsOf: buffer[list.close...])
      return sliced
    }
  }

  /// The keys met in one object, to refuse one given twice; an object with more keys than a
  /// run's objects have is left to the decoder rather than compared key by key.
  struct KeysSeen {
    static let most = 16
    private var ranges: [Range<Int>] = []

    /// Whether `key` is new (and now seen); false for a repeat, or past `most` keys.
    mutating func insert(_ key: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
      guard ranges.count < Self.most else { return false }
      for seen in ranges where seen.count == key.count {
        if bytes[seen].elementsEqual(bytes[key]) { return false }
      }
      ranges.append(key)
      return true
    }
  }

  /// Where the `budgets` list opens and closes, and the byte ranges of the budgets kept.
  struct BudgetList {
    var open: Int
    var close: Int
    var kept: [Range<Int>]
  }

  /// A strict JSON scanner that moves over values without making them.
  struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var at = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
      self.bytes = bytes
    }

    /// The whole document: one object, then only whitespace.
    mutating func document(keeping wanted: [UInt8]) -> BudgetList? {
      skipSpace()
      var list: BudgetList?
      let read = object { scanner, key in
        guard scanner.equal(key, Self.budgetsKey) else { return scanner.value(depth: 1) }
        list = scanner.budgets(keeping: wanted)
        return list != nil
      }
      skipSpace()
      guard read, at == bytes.count else { return nil }
      return list
    }

    /// An object whose keys are plain strings given once each; `member` moves over the value
    /// of each key (the scanner stands on it). False when it is not well formed.
    private mutating func object(_ member: (inout Scanner, Range<Int>) -> Bool) -> Bool {
      guard take(UInt8(ascii: "{")) else { return false }
      var keys = KeysSeen()
      skipSpace()
      if take(UInt8(ascii: "}")) { return true }
      while true {
        skipSpace()
        guard let key = plainRange(), keys.insert(key, in: bytes) else { return false }
        skipSpace()
        guard take(UInt8(ascii: ":")) else { return false }
        skipSpace()
        guard member(&self, key) else { return false }
        skipSpace()
        if take(UInt8(ascii: ",")) { continue }
        return take(UInt8(ascii: "}"))
      }
    }

    /// The `budgets` list: each element an object with a string `name`.
    private mutating func budgets(keeping wanted: [UInt8]) -> BudgetList? {
      guard peek == UInt8(ascii: "[") else { return nil }
      let open = at
      at += 1
      var kept: [Range<Int>] = []
      skipSpace()
      if take(UInt8(ascii: "]")) { return BudgetList(open: open, close: at - 1, kept: kept) }
      while true {
        skipSpace()
        let start = at
        guard let name = budget() else { return nil }
        if equal(name, wanted) { kept.append(start..<at) }
        skipSpace()
        if take(UInt8(ascii: ",")) { continue }
        guard peek == UInt8(ascii: "]") else { return nil }
        let close = at
        at += 1
        return BudgetList(open: open, close: close, kept: kept)
      }
    }

    /// One budget object; where its name is written (unescaped), or nil without one.
    private mutating func budget() -> Range<Int>? {
      var name: Range<Int>?
      let read = object { scanner, key in
        guard scanner.equal(key, Self.nameKey) else { return scanner.value(depth: 3) }
        guard scanner.peek == UInt8(ascii: "\""), let found = scanner.plainRange() else {
          return false
        }
        name = found
        return true
      }
      return read ? name : nil
    }

    /// Moves over one value of any kind; false when it is not well formed.
    mutating func value(depth: Int) -> Bool {
      guard depth <= RunBudgetSlice.maxDepth, let first = peek else { return false }
      switch first {
      case UInt8(ascii: "\""): return string() != nil
      case UInt8(ascii: "{"):
        at += 1
        skipSpace()
        if take(UInt8(ascii: "}")) { return true }
        while true {
          skipSpace()
          guard peek == UInt8(ascii: "\""), string() != nil else { return false }
          skipSpace()
          guard take(UInt8(ascii: ":")) else { return false }
          skipSpace()
          guard value(depth: depth + 1) else { return false }
          skipSpace()
          if take(UInt8(ascii: ",")) { continue }
          return take(UInt8(ascii: "}"))
        }
      case UInt8(ascii: "["):
        at += 1
        skipSpace()
        if take(UInt8(ascii: "]")) { return true }
        while true {
          skipSpace()
          guard value(depth: depth + 1) else { return false }
          skipSpace()
          if take(UInt8(ascii: ",")) { continue }
          return take(UInt8(ascii: "]"))
        }
      case UInt8(ascii: "t"): return literal("true")
      case UInt8(ascii: "f"): return literal("false")
      case UInt8(ascii: "n"): return literal("null")
      default: return number()
      }
    }

    static let budgetsKey = Array("budgets".utf8)
    static let nameKey = Array("name".utf8)

    /// A string with no escapes: where its bytes are; nil for any other value (escaped or not
    /// a string), which the caller leaves to the decoder.
    mutating func plainRange() -> Range<Int>? {
      let start = at + 1
      guard let escaped = string(), !escaped else { return nil }
      return start..<(at - 1)
    }

    /// Whether the bytes at `range` are `other`.
    func equal(_ range: Range<Int>, _ other: [UInt8]) -> Bool {
      range.count == other.count && bytes[range].elementsEqual(other)
    }

    /// Moves over a string; whether it has escapes, or nil when it is not a well-formed string.
    mutating func string() -> Bool? {
      guard take(UInt8(ascii: "\"")) else { return nil }
      var escaped = false
      while at < bytes.count {
        let byte = bytes[at]
        switch byte {
        case UInt8(ascii: "\""):
          at += 1
          return escaped
        case UInt8(ascii: "\\"):
          escaped = true
          at += 1
          guard escape() else { return nil }
        case 0..<0x20:
          return nil
        case 0x20..<0x80:
          at += 1
        default:
          guard utf8Sequence() else { return nil }
        }
      }
      return nil
    }

    /// After a backslash: one of `"\/bfnrt`, or `u` and four hexadecimal digits, a high
    /// surrogate followed by a low one.
    private mutating func escape() -> Bool {
      guard let byte = peek else { return false }
      at += 1
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
        UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
        return true
      case UInt8(ascii: "u"):
        guard let unit = hexUnit() else { return false }
        switch unit {
        case 0xD800..<0xDC00:
          guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hexUnit(),
            (0xDC00..<0xE000).contains(low)
          else { return false }
          return true
        case 0xDC00..<0xE000: return false
        default: return true
        }
      default:
        return false
      }
    }

    private mutating func hexUnit() -> UInt32? {
      guard at + 4 <= bytes.count else { return nil }
      var unit: UInt32 = 0
      for _ in 0..<4 {
        let byte = bytes[at]
        let digit: UInt8
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
        default: return nil
        }
        unit = unit << 4 | UInt32(digit)
        at += 1
      }
      return unit
    }

    /// One well-formed UTF-8 sequence of two to four bytes (`UTF8Sequence`).
    private mutating func utf8Sequence() -> Bool {
      guard let length = UTF8Sequence.length(at: at, in: bytes), length > 1 else { return false }
      at += length
      return true
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    private mutating func number() -> Bool {
      _ = take(UInt8(ascii: "-"))
      if take(UInt8(ascii: "0")) {
      } else {
        guard let first = peek, (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(first) else {
          return false
        }
        digits()
      }
      if take(UInt8(ascii: ".")) {
        guard digits() else { return false }
      }
      if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
        if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
        guard digits() else { return false }
      }
      return true
    }

    /// Moves over decimal digits; whether there was one.
    @discardableResult
    private mutating func digits() -> Bool {
      let start = at
      while let byte = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { at += 1 }
      return at > start
    }

    private mutating func literal(_ word: StaticString) -> Bool {
      let count = word.utf8CodeUnitCount
      guard at + count <= bytes.count else { return false }
      let text = UnsafeBufferPointer(start: word.utf8Start, count: count)
      for offset in 0..<count where bytes[at + offset] != text[offset] { return false }
      at += count
      return true
    }

    private var peek: UInt8? { at < bytes.count ? bytes[at] : nil }

    private mutating func take(_ byte: UInt8) -> Bool {
      guard at < bytes.count, bytes[at] == byte else { return false }
      at += 1
      return true
    }

    private mutating func skipSpace() {
      while at < bytes.count {
        switch bytes[at] {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
          at += 1
        default: return
        }
      }
    }
  }
}
