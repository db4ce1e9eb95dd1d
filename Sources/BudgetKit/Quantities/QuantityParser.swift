import Foundation

/// Parses quantity text such as `150ms`, `99.95%`, `0.40 USD` or `1200/s`.
///
/// The grammar is deliberately small: digits with an optional fraction, an optional single space,
/// then a unit symbol. No signs, exponents, hexadecimal or octal, so `1e3`, `0o17` and `no` are
/// errors, never numbers by accident.
public enum QuantityParser {
  /// Why a text is not a quantity.
  public enum Failure: Error, Equatable, Sendable {
    case notANumber
    case unknownUnit(String)
  }

  public static func parse(_ text: String) -> Result<Quantity, Failure> {
    // The number, its dot and the space are ASCII, so UTF-8 offsets there are scalar boundaries,
    // and slicing the bytes is much cheaper than building strings scalar by scalar.
    let bytes = text.utf8
    var index = bytes.startIndex
    func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    while index < bytes.endIndex, isDigit(bytes[index]) { bytes.formIndex(after: &index) }
    guard index > bytes.startIndex else { return .failure(.notANumber) }
    if index < bytes.endIndex, bytes[index] == UInt8(ascii: ".") {
      let fractionStart = bytes.index(after: index)
      index = fractionStart
      while index < bytes.endIndex, isDigit(bytes[index]) { bytes.formIndex(after: &index) }
      guard index > fractionStart else { return .failure(.notANumber) }
    }
    let numberText = String(decoding: bytes[..<index], as: UTF8.self)
    guard numberText.utf8.count <= 30, let magnitude = Decimal(string: numberText, locale: nil)
    else {
      return .failure(.notANumber)
    }
    var unitStart = index
    if unitStart < bytes.endIndex, bytes[unitStart] == UInt8(ascii: " ") {
      bytes.formIndex(after: &unitStart)
    }
    let symbol = String(decoding: bytes[unitStart...], as: UTF8.self)
    if symbol.isEmpty {
      guard unitStart == index else { return .failure(.unknownUnit(" ")) }
      return .success(Quantity(magnitude: magnitude, unit: .plain, text: text))
    }
    guard let unit = QuantityUnit.named(symbol) else { return .failure(.unknownUnit(symbol)) }
    return .success(Quantity(magnitude: magnitude, unit: unit, text: text))
  }
}
