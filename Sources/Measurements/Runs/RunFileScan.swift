/// Reads a small stored run (one cut down by `RunBudgetSlice`) into a `RunFile` straight from
/// its bytes, for the plain documents `record` writes: what `JSONDecoder` gives for them, at a
/// fraction of its cost per document.
///
/// It takes the common case only and answers nil for anything else, which the caller then
/// hands to `JSONDecoder`: a string with an escape, a key given twice, a value of another type
/// than the field's, an integer written with a fraction or exponent, a number out of range.
/// The bytes must already be well-formed JSON (the slice checked them); anything it does not
/// recognise gives nil, never a guess.
enum RunFileScan {
  static func read(_ bytes: [UInt8]) -> RunFile? {
    bytes.withUnsafeBufferPointer { buffer in
      var parser = Parser(bytes: buffer)
      guard let value = parser.value(depth: 0) else { return nil }
      parser.skipSpace()
      guard parser.at == buffer.count else { return nil }
      return RunFileScan.file(value)
    }
  }

  /// A JSON value as the scan found it: strings and numbers as their text.
  enum Value {
    case string(String)
    case numberText(String)
    case bool(Bool)
    case null
    case object([(String, Value)])
    case array([Value])
  }

  private static func file(_ value: Value) -> RunFile? {
    guard let object = Fields(value) else { return nil }
    guard let format = object.int("format"), let id = object.string("id"),
      let commit = object.string("commit"), let recordedAt = object.string("recorded_at"),
      let measuredAt = object.optionalString("measured_at"),
      let environment = object.string("environment"),
      let sourceFields = object.object("source"), let tool = sourceFields.string("tool"),
      let sourceFormat = sourceFields.string("format"),
      let sourceFile = sourceFields.string("file"),
      let recorderFields = object.object("recorder"), let name = recorderFields.string("name"),
      let email = recorderFields.string("email"),
      let signature = object.optionalString("signature"),
      case .array(let listed)? = object["budgets"]
    else { return nil }
    var budgets: [RunFile.Budget] = []
    budgets.reserveCapacity(listed.count)
    for item in listed {
      guard let fields = Fields(item), let name = fields.string("name"),
        case .array(let figureValues)? = fields["figures"]
      else { return nil }
      var figures: [RunFile.Figure] = []
      figures.reserveCapacity(figureValues.count)
      for figureValue in figureValues {
        guard let figure = Self.figure(figureValue) else { return nil }
        figures.append(figure)
      }
      budgets.append(RunFile.Budget(name: name, figures: figures))
    }
    return RunFile(
      format: format, id: id, commit: commit, recordedAt: recordedAt,
      measuredAt: measuredAt.value, environment: environment,
      source: RunFile.Source(tool: tool, format: sourceFormat, file: sourceFile),
      recorder: RunFile.Recorder(name: name, email: email), budgets: budgets,
      signature: signature.value)
  }

  private static func figure(_ value: Value) -> RunFile.Figure? {
    guard let fields = Fields(value), let metric = fields.string("metric"),
      let kind = fields.string("kind"), let text = fields.optionalString("value"),
      let unit = fields.optionalString("unit"), let count = fields.optionalInt("count"),
      let min = fields.optionalDouble("min"), let max = fields.optionalDouble("max"),
      let sum = fields.optionalDouble("sum"), let bucket = fields.optionalDouble("bucket_seconds"),
      let good = fields.optionalDoubles("good"), let total = fields.optionalDoubles("total")
    else { return nil }
    var histogram: RunFile.HistogramFile?
    switch fields["histogram"] {
    case nil, .null?: histogram = nil
    case let found?:
      guard let parts = Fields(found), let digits = parts.int("significant_digits"),
        let exponent = parts.int("exponent"), case .array(let steps)? = parts["buckets"],
        case .array(let countValues)? = parts["counts"]
      else { return nil }
      var buckets: [Int] = []
      buckets.reserveCapacity(steps.count)
      for step in steps {
        guard let number = Self.int(step) else { return nil }
        buckets.append(number)
      }
      var counts: [UInt64] = []
      counts.reserveCapacity(countValues.count)
      for item in countValues {
        guard let number = Self.unsigned(item) else { return nil }
        counts.append(number)
      }
      histogram = RunFile.HistogramFile(
        significantDigits: digits, exponent: exponent, buckets: buckets, counts: counts)
    }
    return RunFile.Figure(
      metric: metric, kind: kind, value: text.value, unit: unit.value, count: count.value,
      min: min.value, max: max.value, sum: sum.value, histogram: histogram,
      bucketSeconds: bucket.value, good: good.value, total: total.value)
  }

  /// An optional field's value: `value` nil when absent or null.
  struct Field<Wrapped> {
    var value: Wrapped?
  }

  /// An object's members by key; nil for another value or a key given twice.
  struct Fields {
    private var members: [String: Value]

    init?(_ value: Value) {
      guard case .object(let list) = value else { return nil }
      var members: [String: Value] = [:]
      members.reserveCapacity(list.count)
      for (key, member) in list {
        guard members.updateValue(member, forKey: key) == nil else { return nil }
      }
      self.members = members
    }

    subscript(key: String) -> Value? { members[key] }

    func string(_ key: String) -> String? {
      guard case .string(let text)? = members[key] else { return nil }
      return text
    }

    func int(_ key: String) -> Int? { members[key].flatMap(RunFileScan.int) }

    func object(_ key: String) -> Fields? { members[key].flatMap(Fields.init) }

    func optionalString(_ key: String) -> Field<String>? {
      switch members[key] {
      case nil, .null?: return Field(value: nil)
      case .string(let text)?: return Field(value: text)
      default: return nil
      }
    }

    func optionalInt(_ key: String) -> Field<Int>? {
      switch members[key] {
      case nil, .null?: return Field(value: nil)
      case let found?: return RunFileScan.int(found).map { Field(value: $0) }
      }
    }

    func optionalDouble(_ key: String) -> Field<Double>? {
      switch members[key] {
      case nil, .null?: return Field(value: nil)
      case let found?: return RunFileScan.double(found).map { Field(value: $0) }
      }
    }

    func optionalDoubles(_ key: String) -> Field<[Double]>? {
      switch members[key] {
      case nil, .null?: return Field(value: nil)
      case .array(let items)?:
        var numbers: [Double] = []
        numbers.reserveCapacity(items.count)
        for item in items {
          guard let number = RunFileScan.double(item) else { return nil }
          numbers.append(number)
        }
        return Field(value: numbers)
      default: return nil
      }
    }
  }

  /// A whole number written as plain digits, within `Int`.
  static func int(_ value: Value) -> Int? {
    guard case .numberText(let text) = value, isPlainInteger(text) else { return nil }
    return Int(text)
  }

  /// A non-negative whole number written as plain digits, within `UInt64`.
  static func unsigned(_ value: Value) -> UInt64? {
    guard case .numberText(let text) = value, isPlainInteger(text), text.first != "-" else {
      return nil
    }
    return UInt64(text)
  }

  /// A finite number; the text is well-formed JSON, which `Double` reads correctly rounded.
  /// A number that underflows to zero is left to the decoder too.
  static func double(_ value: Value) -> Double? {
    guard case .numberText(let text) = value, let number = Double(text), number.isFinite else {
      return nil
    }
    if number == 0,
      text.utf8.prefix(while: { $0 != UInt8(ascii: "e") && $0 != UInt8(ascii: "E") })
        .contains(where: { (UInt8(ascii: "1")...UInt8(ascii: "9")).contains($0) })
    {
      return nil
    }
    return number
  }

  private static func isPlainInteger(_ text: String) -> Bool {
    var digits = text.utf8[...]
    if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
    return !digits.isEmpty && digits.count <= 18
      && digits.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
  }

  /// Builds values from bytes already known to be well-formed JSON; nil for anything it
  /// leaves to the decoder (an escaped string, deep nesting).
  struct Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    var at = 0

    mutating func value(depth: Int) -> Value? {
      guard depth < RunBudgetSlice.maxDepth else { return nil }
      skipSpace()
      guard at < bytes.count else { return nil }
      switch bytes[at] {
      case UInt8(ascii: "\""):
        return string().map(Value.string)
      case UInt8(ascii: "{"):
        at += 1
        var members: [(String, Value)] = []
        skipSpace()
        if take(UInt8(ascii: "}")) { return .object(members) }
        while true {
          skipSpace()
          guard let key = string() else { return nil }
          skipSpace()
          guard take(UInt8(ascii: ":")), let member = value(depth: depth + 1) else { return nil }
          members.append((key, member))
          skipSpace()
          if take(UInt8(ascii: ",")) { continue }
          return take(UInt8(ascii: "}")) ? .object(members) : nil
        }
      case UInt8(ascii: "["):
        at += 1
        var items: [Value] = []
        skipSpace()
        if take(UInt8(ascii: "]")) { return .array(items) }
        while true {
          guard let item = value(depth: depth + 1) else { return nil }
          items.append(item)
          skipSpace()
          if take(UInt8(ascii: ",")) { continue }
          return take(UInt8(ascii: "]")) ? .array(items) : nil
        }
      case UInt8(ascii: "t"): return word("true", .bool(true))
      case UInt8(ascii: "f"): return word("false", .bool(false))
      case UInt8(ascii: "n"): return word("null", .null)
      default:
        let start = at
        while at < bytes.count {
          switch bytes[at] {
          case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
            UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
            at += 1
            continue
          default: break
          }
          break
        }
        guard at > start else { return nil }
        return .numberText(String(decoding: bytes[start..<at], as: UTF8.self))
      }
    }

    /// A string without escapes (the slice checked its UTF-8).
    private mutating func string() -> String? {
      guard take(UInt8(ascii: "\"")) else { return nil }
      let start = at
      while at < bytes.count {
        switch bytes[at] {
        case UInt8(ascii: "\""):
          let text = String(decoding: bytes[start..<at], as: UTF8.self)
          at += 1
          return text
        case UInt8(ascii: "\\"): return nil
        default: at += 1
        }
      }
      return nil
    }

    private mutating func word(_ text: String, _ value: Value) -> Value? {
      for byte in text.utf8 {
        guard take(byte) else { return nil }
      }
      return value
    }

    private mutating func take(_ byte: UInt8) -> Bool {
      guard at < bytes.count, bytes[at] == byte else { return false }
      at += 1
      return true
    }

    mutating func skipSpace() {
      while at < bytes.count,
        bytes[at] == 0x20 || bytes[at] == 0x0A || bytes[at] == 0x0D || bytes[at] == 0x09
      {
        at += 1
      }
    }
  }
}

extension RunFile {
  init(
    format: Int, id: String, commit: String, recordedAt: String, measuredAt: String?,
    environment: String, source: Source, recorder: Recorder, budgets: [Budget],
    signature: String?
  ) {
    self.format = format
    self.id = id
    self.commit = commit
    self.recordedAt = recordedAt
    self.measuredAt = measuredAt
    self.environment = environment
    self.source = source
    self.recorder = recorder
    self.budgets = budgets
    self.signature = signature
  }
}
