import Foundation

/// bursar's one JSON writer: stable JSON for machines, with sorted keys and unescaped slashes.
///
/// Whole documents go through `encode` (`JSONEncoder`); output that streams many objects writes
/// each through `Object`, which gives the same text faster; numbers are `Number`, exact
/// decimals either way.
enum JSONOutput {
  /// One document: pretty-printed by default, compact on one line when `pretty` is false.
  static func encode<Value: Encodable>(_ value: Value, pretty: Bool = true) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting =
      pretty
      ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
      : [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }
}
