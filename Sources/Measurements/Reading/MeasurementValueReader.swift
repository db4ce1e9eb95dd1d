import BudgetKit
import Foundation

/// Typed reads of measurement nodes, each reporting a located problem when the node is not what
/// the format says.
struct MeasurementValueReader {
  let problems: ProblemList

  /// The entries of a mapping whose keys are checked against the format.
  func mapping(_ node: MeasurementNode, _ what: String, allowed: [String]) -> [MeasurementEntry]? {
    guard case .mapping(let entries, _) = node else {
      problems.add(node.location, "\(what) must be a mapping, found \(node.kindDescription)")
      return nil
    }
    for entry in entries where !allowed.contains(entry.key) {
      problems.add(
        entry.keyLocation, "unknown key `\(entry.key)` in \(what)",
        hint: Suggestion.hint(for: entry.key, among: allowed))
    }
    return entries
  }

  /// The entries of a mapping with free-form keys (names).
  func entries(_ node: MeasurementNode, _ what: String) -> [MeasurementEntry] {
    guard case .mapping(let entries, _) = node else {
      problems.add(node.location, "\(what) must be a mapping, found \(node.kindDescription)")
      return []
    }
    return entries
  }

  func text(_ node: MeasurementNode, _ what: String) -> Located<String>? {
    guard case .scalar(let scalar) = node, !scalar.isNull, !scalar.isNumber, !scalar.text.isEmpty
    else {
      problems.add(node.location, "\(what) must be text, found \(node.kindDescription)")
      return nil
    }
    return Located(scalar.text, at: scalar.location)
  }

  func name<Kind>(_ node: MeasurementNode, _ what: String, _ kind: Kind.Type) -> Located<
    Identifier<Kind>
  >? {
    text(node, what).flatMap { name($0.value, at: $0.location, kind) }
  }

  func name<Kind>(_ text: String, at location: SourceLocation, _ kind: Kind.Type) -> Located<
    Identifier<Kind>
  >? {
    guard Kind.isValid(text) else {
      problems.add(location, "`\(ValueReader.clip(text))` is not a valid \(Kind.noun) name")
      return nil
    }
    return Located(Identifier(text), at: location)
  }

  func instant(_ node: MeasurementNode) -> Located<Date>? {
    guard let text = text(node, "`at`") else { return nil }
    guard let date = Timestamp.parse(text.value) else {
      problems.add(
        text.location,
        "`at` is `\(ValueReader.clip(text.value))`, which is not a date or a timestamp",
        hint: "write 2026-11-25 or 2026-11-25T10:00:00Z")
      return nil
    }
    return Located(date, at: text.location)
  }

  func unit(_ node: MeasurementNode, _ what: String) -> QuantityUnit? {
    guard let symbol = text(node, what) else { return nil }
    guard let unit = QuantityUnit.named(symbol.value) else {
      problems.add(
        symbol.location,
        "\(what) is `\(ValueReader.clip(symbol.value))`, which bursar does not know",
        hint: "write a unit such as ms, s, MiB, %, USD, /s or J")
      return nil
    }
    return unit
  }

  /// A summary figure: quantity text (`112ms`), or a number, in `unit` when one is given.
  func quantity(_ node: MeasurementNode, _ what: String, unit: QuantityUnit? = nil) -> Quantity? {
    guard case .scalar(let scalar) = node, !scalar.isNull else {
      problems.add(
        node.location,
        "\(what) must be a value such as `112ms` or `0.96`, found \(node.kindDescription)")
      return nil
    }
    if scalar.isNumber { return number(scalar, what, unit: unit) }
    switch Self.parseQuantity(scalar.text) {
    case .success(let quantity):
      guard let unit else { return quantity }
      guard quantity.unit == QuantityUnit.plain else {
        problems.add(
          scalar.location, "\(what) is `\(scalar.text)`, which has a unit, and `unit` gives another"
        )
        return nil
      }
      return Quantity(magnitude: quantity.magnitude, unit: unit, text: Self.text(scalar.text, unit))
    case .failure(.unknownUnit(let symbol)):
      problems.add(
        scalar.location,
        "\(what) is `\(ValueReader.clip(scalar.text))`, whose unit `\(ValueReader.clip(symbol))` bursar does not know",
        hint: "write \(QuantityUnit.examples)")
    case .failure(.notANumber):
      problems.add(
        scalar.location, "\(what) is `\(ValueReader.clip(scalar.text))`, which is not a quantity",
        hint: "write a non-negative number and a unit: \(QuantityUnit.examples)")
    }
    return nil
  }

  /// A JSON number, exactly as written (exponents included).
  private func number(_ scalar: MeasurementScalar, _ what: String, unit: QuantityUnit?) -> Quantity?
  {
    guard !scalar.text.hasPrefix("-") else {
      problems.add(
        scalar.location, "\(what) is \(scalar.text); measured figures are never negative")
      return nil
    }
    guard let magnitude = Decimal(string: scalar.text, locale: nil), magnitude.isFinite else {
      problems.add(scalar.location, "\(what) is \(scalar.text), which is out of range")
      return nil
    }
    let unit = unit ?? .plain
    return Quantity(magnitude: magnitude, unit: unit, text: Self.text(scalar.text, unit))
  }

  /// Quantity text as budgets take it (`112ms`), or in the scientific notation programs write
  /// (`1e-05`, `1.2e-3s`): a measured figure is what its producer printed.
  static func parseQuantity(_ text: String) -> Result<Quantity, QuantityParser.Failure> {
    let parsed = QuantityParser.parse(text)
    guard case .failure = parsed, let split = scientific(text) else { return parsed }
    guard let magnitude = Decimal(string: split.number, locale: nil), magnitude.isFinite else {
      return parsed
    }
    if split.symbol.isEmpty {
      return .success(Quantity(magnitude: magnitude, unit: .plain, text: text))
    }
    guard let unit = QuantityUnit.named(split.symbol) else {
      return .failure(.unknownUnit(split.symbol))
    }
    return .success(Quantity(magnitude: magnitude, unit: unit, text: text))
  }

  /// `1.2e-3` and the unit after it, when the text starts with a number that has an exponent.
  private static func scientific(_ text: String) -> (number: String, symbol: String)? {
    let scalars = Array(text.unicodeScalars)
    var index = 0
    func digits() -> Bool {
      let start = index
      while index < scalars.count, scalars[index].properties.numericType == .decimal,
        scalars[index].isASCII
      { index += 1 }
      return index > start
    }
    guard digits() else { return nil }
    if index < scalars.count, scalars[index] == "." {
      index += 1
      guard digits() else { return nil }
    }
    guard index < scalars.count, scalars[index] == "e" || scalars[index] == "E" else { return nil }
    index += 1
    if index < scalars.count, scalars[index] == "-" || scalars[index] == "+" { index += 1 }
    guard digits(), index <= 40 else { return nil }
    var symbolStart = index
    if symbolStart < scalars.count, scalars[symbolStart] == " " { symbolStart += 1 }
    let number = String(String.UnicodeScalarView(scalars[..<index]))
    return (number, String(String.UnicodeScalarView(scalars[symbolStart...])))
  }

  /// `112ms`, `0.4 USD`: currencies are written after a space.
  static func text(_ number: String, _ unit: QuantityUnit) -> String {
    if case .money = unit.family { return "\(number) \(unit.symbol)" }
    return number + unit.symbol
  }
}
