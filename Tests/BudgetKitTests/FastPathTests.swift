import Foundation
import Testing

@testable import BudgetKit

/// The fast paths taken for speed give exactly what the plain forms they replace give.
struct FastPathTests {
  static let texts = [
    "", " ", "\t\n", "\u{00A0}", "\u{2003}x", "a", "100ms", "100 ms", "100  ms", "100 ", "1.5s",
    "1.", ".5",
    "0.40 USD", "12 ABCD", "99.95%", "250µs", "2m", "no", "1e3", "0o17", "-1", "100\u{301}ms",
    "1\u{0660}",
    "7\u{FE0F}\u{20E3}", "say \"hi\"", "back\\slash", "tab\there", "line\nfeed", "bell\u{7}", "é",
    "日本",
    "\u{2028}", "\u{7F}", String(repeating: "9", count: 30), String(repeating: "9", count: 31),
    String(repeating: "9", count: 29) + "s", "30d", "0.0s", "1.0", "12345678901234567890.123456789",
  ]

  /// The grammar as first written, scalar by scalar.
  static func referenceParse(_ text: String) -> Result<Quantity, QuantityParser.Failure> {
    let scalars = Array(text.unicodeScalars)
    var index = 0
    func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar >= "0" && scalar <= "9" }
    while index < scalars.count, isDigit(scalars[index]) { index += 1 }
    guard index > 0 else { return .failure(.notANumber) }
    if index < scalars.count, scalars[index] == "." {
      let fractionStart = index + 1
      index = fractionStart
      while index < scalars.count, isDigit(scalars[index]) { index += 1 }
      guard index > fractionStart else { return .failure(.notANumber) }
    }
    let numberText = String(String.UnicodeScalarView(scalars[..<index]))
    guard numberText.count <= 30, let magnitude = Decimal(string: numberText, locale: nil) else {
      return .failure(.notANumber)
    }
    var unitStart = index
    if unitStart < scalars.count, scalars[unitStart] == " " { unitStart += 1 }
    let symbol = String(String.UnicodeScalarView(scalars[unitStart...]))
    if symbol.isEmpty {
      guard unitStart == index else { return .failure(.unknownUnit(" ")) }
      return .success(Quantity(magnitude: magnitude, unit: .plain, text: text))
    }
    guard let unit = QuantityUnit.named(symbol) else { return .failure(.unknownUnit(symbol)) }
    return .success(Quantity(magnitude: magnitude, unit: unit, text: text))
  }

  @Test(arguments: texts)
  func quantitiesParseAsBefore(_ text: String) {
    let parsed = QuantityParser.parse(text)
    let reference = Self.referenceParse(text)
    #expect(parsed == reference)
    if case .success(let quantity) = parsed, case .success(let expected) = reference {
      #expect(quantity.canonicalText == expected.canonicalText)
    }
  }

  @Test(arguments: texts)
  func jsonStringsAreEscapedAsBefore(_ text: String) {
    var expected = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": expected += "\\\""
      case "\\": expected += "\\\\"
      case "\n": expected += "\\n"
      case "\r": expected += "\\r"
      case "\t": expected += "\\t"
      case _ where scalar.value < 0x20: expected += String(format: "\\u%04x", scalar.value)
      default: expected.unicodeScalars.append(scalar)
      }
    }
    #expect(
      Array(MeaningDigest.jsonString(text).unicodeScalars)
        == Array((expected + "\"").unicodeScalars))
  }

  @Test(arguments: texts)
  func blankTextIsWhatTrimmingEmpties(_ text: String) {
    #expect(
      ValueReader.isBlank(text) == text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
  }

  @Test func hexIsTwoLowercaseDigitsPerByte() {
    let bytes = (0...255).map(UInt8.init)
    #expect(MeaningDigest.hex(bytes) == bytes.map { String(format: "%02x", $0) }.joined())
  }

  /// Bounds keep only the fields that are set, and behave as four optional fields would.
  @Test func boundsBehaveAsFourOptionalFields() throws {
    let values = try ["100ms", "2%", "99.9%", "30d"].map { try QuantityParser.parse($0).get() }
    for mask in 0..<16 {
      let chosen = BoundKey.allCases.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(
        \.element)
      let value = { (key: BoundKey) in
        chosen.contains(key) ? values[BoundKey.allCases.firstIndex(of: key)!] : nil
      }
      let made = Bound(max: value(.max), min: value(.min), slo: value(.slo), window: value(.window))
      var assigned = Bound()
      for key in chosen.reversed() { assigned[key] = value(key) }
      #expect(made == assigned)
      #expect(made.hashValue == assigned.hashValue)
      #expect(made.fields.map(\.key) == chosen)
      #expect(
        made.max == value(.max) && made.min == value(.min) && made.slo == value(.slo)
          && made.window == value(.window))
      var cleared = made
      for key in chosen { cleared[key] = nil }
      #expect(cleared == Bound() && cleared.fields.isEmpty)
      #expect(made.overridden(by: Bound()) == made && Bound().overridden(by: made) == made)
    }
    var bound = Bound(max: values[0])
    bound.max = values[1]
    #expect(bound.fields.count == 1 && bound.max == values[1] && bound != Bound(max: values[0]))
  }

  /// Units share their fields, and compare and hash by them as a plain struct would.
  @Test func unitsCompareByTheirFields() throws {
    let ms = try #require(QuantityUnit.table["ms"])
    let copy = QuantityUnit(symbol: "ms", family: .duration, factor: ms.factor)
    #expect(ms == copy && ms.hashValue == copy.hashValue)
    #expect(ms != QuantityUnit(symbol: "ms", family: .duration, factor: 1))
    #expect(ms != QuantityUnit(symbol: "ms", family: .rate, factor: ms.factor))
    var renamed = ms
    renamed.symbol = "msec"
    #expect(renamed.symbol == "msec" && renamed.factor == ms.factor && ms.symbol == "ms")
    #expect(QuantityUnit.named("USD") == QuantityUnit.named("USD"))
    #expect(QuantityUnit.named("USD") != QuantityUnit.named("EUR"))
  }
}
