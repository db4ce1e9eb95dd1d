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
}
