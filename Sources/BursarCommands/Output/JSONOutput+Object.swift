extension JSONOutput {
  /// Writes one compact JSON object by hand, for output that streams many objects: an order of
  /// magnitude faster than `JSONEncoder`, with the same text for the same values.
  ///
  /// Keys are written in the order given; callers give them sorted, as `JSONOutput` sorts them.
  struct Object {
    private var text = "{"
    private var empty = true

    mutating func string(_ key: String, _ value: String?) {
      self.key(key)
      if let value { Self.appendQuoted(value, to: &text) } else { text += "null" }
    }

    mutating func number(_ key: String, _ value: JSONOutput.Number?) {
      self.key(key)
      if let value { text += value.description } else { text += "null" }
    }

    mutating func bool(_ key: String, _ value: Bool) {
      self.key(key)
      text += value ? "true" : "false"
    }

    mutating func strings(_ key: String, _ values: [String]) {
      self.key(key)
      text += "["
      for (index, value) in values.enumerated() {
        if index > 0 { text += "," }
        Self.appendQuoted(value, to: &text)
      }
      text += "]"
    }

    /// The finished object.
    mutating func finish() -> String {
      text + "}"
    }

    private mutating func key(_ key: String) {
      if !empty { text += "," }
      empty = false
      Self.appendQuoted(key, to: &text)
      text += ":"
    }

    /// Appends a JSON string literal: quotes, backslashes and control characters escaped,
    /// everything else (slashes, non-ASCII) as is.
    static func appendQuoted(_ value: String, to text: inout String) {
      text += "\""
      var plain = true
      for scalar in value.unicodeScalars
      where scalar == "\"" || scalar == "\\" || scalar.value < 0x20 {
        plain = false
        break
      }
      guard !plain else {
        text += value
        text += "\""
        return
      }
      for scalar in value.unicodeScalars {
        switch scalar {
        case "\"": text += "\\\""
        case "\\": text += "\\\\"
        case "\n": text += "\\n"
        case "\r": text += "\\r"
        case "\t": text += "\\t"
        case "\u{08}": text += "\\b"
        case "\u{0C}": text += "\\f"
        case _ where scalar.value < 0x20:
          let hex = String(scalar.value, radix: 16)
          text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: text.unicodeScalars.append(scalar)
        }
      }
      text += "\""
    }
  }
}
