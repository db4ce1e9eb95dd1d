import Crypto
import Foundation

/// The digest of a budget file's meaning, which approvals bind to.
///
/// The canonical form (documented in `docs/digest.md`) is a compact JSON text of the parsed YAML:
/// mapping keys sorted by their UTF-8 bytes, `description` text fields left out at every level, list order
/// kept, and every quantity under `max`, `min`, `slo` and `window` written as its family and its
/// value in the family's base unit (`100ms` and `0.1s` are both `duration:0.1`). Comments,
/// quoting, key order, flow or block style and descriptions do not change the digest; any
/// governed value does. The digest is `sha256:` and the hex SHA-256 of
/// `bursar-meaning-v1\n` followed by the canonical form.
public enum MeaningDigest {
  public static let prefix = "sha256:"
  /// What an approval names as the digest of a file the change deletes.
  public static let deleted = "deleted"
  static let domain = "bursar-meaning-v1\n"
  /// The keys whose values are quantities. The first four are format v1's own; the others came
  /// with later shapes of metric and the dimensions' `weight`, and no valid file written before
  /// them has a scalar under such a key, so its canonical form is what it always was.
  static let quantityKeys: Set<String> = [
    "max", "min", "slo", "window", "baseline", "max_drop", "max_rise", "max_difference",
    "min_ratio", "p_value", "min_samples", "weight",
  ]
  static let ignoredKeys: Set<String> = ["description"]
  /// The fields of a metric's `regression:` settings, written as canonical quantities too
  /// (`sigma: 3` and `sigma: 3.0` mean the same); only there, so no other file changes digest.
  static let regressionKeys: Set<String> = ["sigma", "min_change", "min_absolute", "min_runs"]

  /// The digest of a parsed file.
  public static func digest(of value: YAMLValue) -> String {
    let canonical = canonicalForm(of: value)
    let hash = SHA256.hash(data: Data((domain + canonical).utf8))
    return prefix + hex(hash)
  }

  /// Lowercase hex digits of some bytes; `String(format:)` per byte costs more than the hash.
  static func hex(_ bytes: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    for byte in bytes {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: text, as: UTF8.self)
  }

  /// The canonical JSON text the digest hashes.
  public static func canonicalForm(of value: YAMLValue) -> String {
    var output = ""
    write(value, key: nil, context: .root, into: &output)
    return output
  }

  /// Where a node stands, as far as the digest cares: `metrics.<name>.regression` only.
  private enum Context {
    case root, metrics, metric, regression, other

    func child(_ key: String) -> Context {
      switch self {
      case .root: key == "metrics" ? .metrics : .other
      case .metrics: .metric
      case .metric: key == "regression" ? .regression : .other
      case .regression, .other: .other
      }
    }
  }

  /// Whether text is a digest as approvals write it.
  public static func isWellFormed(_ text: String) -> Bool {
    if text == deleted { return true }
    guard text.hasPrefix(prefix) else { return false }
    let hex = text.dropFirst(prefix.count)
    return hex.count == 64
      && hex.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
  }

  private static func write(
    _ value: YAMLValue, key: String?, context: Context, into output: inout String
  ) {
    switch value {
    case .scalar(let scalar):
      if scalar.isNull {
        output += "null"
      } else if let key, quantityKeys.contains(key), let canonical = canonicalQuantity(scalar.text)
      {
        output += canonical
      } else if context == .regression, let key, regressionKeys.contains(key),
        let canonical = canonicalQuantity(scalar.text)
      {
        output += canonical
      } else {
        output += jsonString(scalar.text)
      }
    case .sequence(let sequence):
      output += "["
      for (index, item) in sequence.items.enumerated() {
        if index > 0 { output += "," }
        write(item, key: nil, context: .other, into: &output)
      }
      output += "]"
    case .mapping(let mapping):
      let entries = mapping.entries.filter { !isDescription($0) }
        .sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
      output += "{"
      for (index, entry) in entries.enumerated() {
        if index > 0 { output += "," }
        output += jsonString(entry.key) + ":"
        let inner = context == .regression ? .regression : context.child(entry.key)
        write(entry.value, key: entry.key, context: inner, into: &output)
      }
      output += "}"
    }
  }

  /// The canonical JSON string of a quantity's text, or nil when the text is not a quantity.
  ///
  /// The same few values (`30d`, `99.9%`, `100ms`) recur across a tree, and normalising one
  /// costs decimal arithmetic, so results are remembered, up to a bound.
  static func canonicalQuantity(_ text: String) -> String? {
    if let known = canonicalCache[text] { return known }
    guard case .success(let quantity) = QuantityParser.parse(text) else { return nil }
    let canonical = jsonString(quantity.canonicalText)
    canonicalCache[text] = canonical
    return canonical
  }

  private static let canonicalCache = CanonicalCache()

  /// Descriptions are text fields; a metric or team that happens to be named `description` has a
  /// mapping as its value and stays governed.
  private static func isDescription(_ entry: YAMLMapping.Entry) -> Bool {
    guard ignoredKeys.contains(entry.key), case .scalar = entry.value else { return false }
    return true
  }

  /// A JSON string literal with the minimal escapes of RFC 8259.
  static func jsonString(_ text: String) -> String {
    // Most text needs no escape at all: copy it whole rather than scalar by scalar.
    if !text.utf8.contains(where: {
      $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\")
    }) {
      return "\"" + text + "\""
    }
    var output = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where scalar.value < 0x20: output += String(format: "\\u%04x", scalar.value)
      default: output.unicodeScalars.append(scalar)
      }
    }
    return output + "\""
  }
}

/// Canonical quantity texts by written text, shared by the threads that parse files; it stops
/// growing at a fixed size, so a hostile tree of all-different values cannot fill memory.
private final class CanonicalCache: @unchecked Sendable {
  private var entries: [String: String] = [:]
  private let lock = NSLock()
  private let limit = 4096

  subscript(text: String) -> String? {
    get { lock.withLock { entries[text] } }
    set {
      lock.withLock {
        if entries.count < limit { entries[text] = newValue }
      }
    }
  }
}
