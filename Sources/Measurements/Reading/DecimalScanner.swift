import BudgetKit

/// Accumulates the digits of a decimal number and turns them into the nearest `Double`.
///
/// Up to 2^53 with a power of ten no larger than 10^22, one multiplication or division of two
/// exactly representable numbers is correctly rounded (Clinger's fast path), which covers
/// nearly every measured figure; anything else goes to the standard library's parser. Either way
/// the result is the double nearest to the decimal written, as `Double("…")` would give.
struct DecimalScanner {
  var negative = false
  /// The significant digits read so far, as an integer.
  private var mantissa: UInt64 = 0
  private var significantDigits = 0
  /// Whether a non-zero digit had to be dropped because the mantissa was full.
  private var truncated = false
  /// The power of ten the mantissa is multiplied by.
  var exponent = 0

  private static let powers: [Double] = (0...22).map { power in
    (0..<power).reduce(1.0) { value, _ in value * 10 }
  }

  mutating func addInteger(_ digit: UInt8) {
    if !add(digit) { exponent += 1 }
  }

  mutating func addFraction(_ digit: UInt8) {
    if add(digit) { exponent -= 1 }
  }

  /// Adds a digit to the mantissa; false when it did not fit and was dropped.
  private mutating func add(_ digit: UInt8) -> Bool {
    let value = UInt64(digit - UInt8(ascii: "0"))
    guard significantDigits < 19 else {
      if value != 0 { truncated = true }
      return false
    }
    mantissa = mantissa * 10 + value
    if mantissa != 0 { significantDigits += 1 }
    return true
  }

  /// The value: the fast path when exact, else the standard library's parse of `text`.
  func value(orParsing text: UnsafeBufferPointer<UInt8>) -> Double {
    guard !truncated, mantissa < 1 << 53, (-22...22).contains(exponent) else {
      return Double(String(decoding: text, as: UTF8.self)) ?? .nan
    }
    let base = Double(mantissa)
    let magnitude = exponent < 0 ? base / Self.powers[-exponent] : base * Self.powers[exponent]
    return negative ? -magnitude : magnitude
  }
}

extension DecimalScanner {
  /// Scans an unsigned decimal number at the start of some bytes: digits, an optional fraction
  /// and an optional exponent (`12`, `0.5`, `1.2e-3`). Returns the value and how many bytes it
  /// took, or nil when the bytes do not start with a digit.
  static func scanPrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> (value: Double, length: Int)? {
    func isDigit(_ index: Int) -> Bool {
      index < bytes.count && bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9")
    }
    var scanner = DecimalScanner()
    var index = 0
    guard isDigit(0) else { return nil }
    while isDigit(index) {
      scanner.addInteger(bytes[index])
      index += 1
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "."), isDigit(index + 1) {
      index += 1
      while isDigit(index) {
        scanner.addFraction(bytes[index])
        index += 1
      }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      var end = index + 1
      var sign = 1
      if end < bytes.count, bytes[end] == UInt8(ascii: "-") || bytes[end] == UInt8(ascii: "+") {
        sign = bytes[end] == UInt8(ascii: "-") ? -1 : 1
        end += 1
      }
      if isDigit(end) {
        var exponent = 0
        while isDigit(end) {
          exponent = min(exponent * 10 + Int(bytes[end] - UInt8(ascii: "0")), 100_000)
          end += 1
        }
        scanner.exponent += sign * exponent
        index = end
      }
    }
    return (scanner.value(orParsing: UnsafeBufferPointer(rebasing: bytes[0..<index])), index)
  }
}
