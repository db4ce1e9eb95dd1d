import Foundation

/// Typed reads of YAML values for the decoders, each reporting a located problem when the value
/// is not what the schema says.
public struct ValueReader {
  let collector: DiagnosticCollector

  /// The value as a mapping whose keys are checked against the schema.
  func mapping(
    _ value: YAMLValue, _ what: String, allowed: [String], required: [String] = []
  ) -> YAMLMapping? {
    guard case .mapping(let mapping) = value else {
      collector.report(
        .wrongType, at: value.location, "\(what) must be a mapping, found \(value.kindDescription)")
      return nil
    }
    for entry in mapping.entries where !allowed.contains(entry.key) {
      collector.report(
        .unknownKey, at: entry.keyLocation, "unknown key `\(entry.key)` in \(what)",
        hint: Suggestion.hint(for: entry.key, among: allowed))
    }
    for key in required where mapping[key] == nil {
      collector.report(.missingKey, at: mapping.location, "\(what) needs `\(key)`")
    }
    return mapping
  }

  /// The value as a mapping with free-form keys (names), each entry handed back.
  func entries(_ value: YAMLValue, _ what: String) -> [YAMLMapping.Entry] {
    guard case .mapping(let mapping) = value else {
      if case .scalar(let scalar) = value, scalar.isNull { return [] }
      collector.report(
        .wrongType, at: value.location, "\(what) must be a mapping, found \(value.kindDescription)")
      return []
    }
    return mapping.entries
  }

  func sequence(_ value: YAMLValue, _ what: String) -> [YAMLValue] {
    guard case .sequence(let sequence) = value else {
      collector.report(
        .wrongType, at: value.location, "\(what) must be a list, found \(value.kindDescription)")
      return []
    }
    return sequence.items
  }

  func text(_ value: YAMLValue, _ what: String, allowEmpty: Bool = true) -> Located<String>? {
    guard case .scalar(let scalar) = value, !scalar.isNull || allowEmpty else {
      collector.report(
        .wrongType, at: value.location, "\(what) must be text, found \(value.kindDescription)")
      return nil
    }
    if !allowEmpty && Self.isBlank(scalar.text) {
      collector.report(.emptyValue, at: scalar.location, "\(what) must not be empty")
      return nil
    }
    return Located(scalar.isNull ? "" : scalar.text, at: scalar.location)
  }

  func name<Kind>(_ value: YAMLValue, _ what: String, as kind: Kind.Type = Kind.self) -> Located<
    Identifier<Kind>
  >? {
    guard let text = text(value, what, allowEmpty: false) else { return nil }
    return name(text.value, at: text.location, kind)
  }

  func name<Kind>(_ text: String, at location: SourceLocation, _ kind: Kind.Type = Kind.self)
    -> Located<Identifier<Kind>>?
  {
    guard Kind.isValid(text) else {
      let letters = Kind.allowsCapitals ? "letters" : "lowercase letters"
      collector.report(
        .invalidName, at: location, "`\(Self.clip(text))` is not a valid \(Kind.noun) name",
        hint:
          "use ASCII \(letters), digits, `.`, `_` and `-`, starting with a letter or digit, at most 64 characters"
      )
      return nil
    }
    return Located(Identifier(text), at: location)
  }

  func quantity(_ value: YAMLValue, _ what: String) -> Quantity? {
    guard case .scalar(let scalar) = value, !scalar.isNull else {
      collector.report(
        .quantitySyntax, at: value.location,
        "\(what) must be a quantity such as `100ms`, found \(value.kindDescription)")
      return nil
    }
    switch QuantityParser.parse(scalar.text) {
    case .success(let quantity):
      return quantity
    case .failure(.unknownUnit(let unit)):
      collector.report(
        .quantitySyntax, at: scalar.location,
        "\(what) is `\(Self.clip(scalar.text))`, whose unit `\(Self.clip(unit))` bursar does not know",
        hint: "write \(QuantityUnit.examples)")
      return nil
    case .failure(.notANumber):
      collector.report(
        .quantitySyntax, at: scalar.location,
        "\(what) is `\(Self.clip(scalar.text))`, which is not a quantity",
        hint: "write a non-negative number and a unit: \(QuantityUnit.examples)")
      return nil
    }
  }

  func day(_ value: YAMLValue, _ what: String) -> Located<CalendarDay>? {
    guard let text = text(value, what, allowEmpty: false) else { return nil }
    guard let day = CalendarDay(text.value) else {
      collector.report(
        .dateSyntax, at: text.location,
        "\(what) `\(Self.clip(text.value))` is not a real calendar date",
        hint: "write YYYY-MM-DD, such as 2026-11-20")
      return nil
    }
    return Located(day, at: text.location)
  }

  func integer(_ value: YAMLValue, _ what: String, in range: ClosedRange<Int>) -> Int? {
    guard case .scalar(let scalar) = value, !scalar.isQuoted, let number = Int(scalar.text),
      scalar.text.allSatisfy(\.isNumber), range.contains(number)
    else {
      collector.report(
        .wrongType, at: value.location,
        "\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
      return nil
    }
    return number
  }

  /// `true` or `false` only: YAML 1.1's `yes`, `no`, `on` and `off` are not booleans here.
  func boolean(_ value: YAMLValue, _ what: String) -> Bool? {
    if case .scalar(let scalar) = value, !scalar.isQuoted {
      if scalar.text == "true" { return true }
      if scalar.text == "false" { return false }
    }
    collector.report(.wrongType, at: value.location, "\(what) must be `true` or `false`")
    return nil
  }

  func choice<Choice: RawRepresentable & CaseIterable>(
    _ value: YAMLValue, _ what: String, _ type: Choice.Type
  ) -> Choice?
  where Choice.RawValue == String {
    guard case .scalar(let scalar) = value, let choice = Choice(rawValue: scalar.text) else {
      let options = Choice.allCases.map(\.rawValue)
      collector.report(
        .wrongType, at: value.location,
        "\(what) must be one of \(options.map { "`\($0)`" }.joined(separator: ", "))")
      return nil
    }
    return choice
  }

  private static let blanks = CharacterSet.whitespacesAndNewlines

  /// Whether text is only whitespace and newlines (or nothing): what trimming them would empty,
  /// found without building the trimmed copy.
  static func isBlank(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy { blanks.contains($0) }
  }

  /// At most 60 characters of a value, for messages.
  public static func clip(_ text: String) -> String {
    text.count <= 60 ? text : String(text.prefix(57)) + "…"
  }
}
