import Foundation

/// Stable JSON for machines: sorted keys, no escaped slashes, one document per call.
enum JSONOutput {
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
