import Foundation

/// A PromQL query of events that a rule evaluates over a window: either a counter selector
/// (`http_requests_total{job="api",code!~"5.."}`), read as `sum(rate(SELECTOR[WINDOW]))`, or an
/// expression that says where its window goes with `$window`
/// (`sum(rate(http_requests_total{job="api"}[$window]))`).
public struct WindowedQuery: Sendable, Hashable, CustomStringConvertible {
  public var text: String

  /// The placeholder a query writes where its range goes.
  public static let placeholder = "$window"

  public init(_ text: String) {
    self.text = text.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  public var description: String { text }

  /// Whether the query can be evaluated over a window: it has `$window`, or it is one selector.
  public var isWindowable: Bool {
    text.contains(Self.placeholder) || Self.isSelector(text)
  }

  /// The query over a window written in PromQL's duration syntax (`5m`, `3d`).
  public func over(_ window: String) -> String {
    if text.contains(Self.placeholder) {
      return text.replacingOccurrences(of: Self.placeholder, with: window)
    }
    return "sum(rate(\(text)[\(window)]))"
  }

  /// A metric name with optional matchers, or matchers alone: `name`, `name{…}`, `{…}`. The
  /// matchers are not parsed further; a quote or brace out of place is left to Prometheus, and
  /// `promtool check rules` names it.
  static func isSelector(_ text: String) -> Bool {
    var rest = Substring(text)
    let nameEnd =
      rest.firstIndex { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ":")) }
      ?? rest.endIndex
    let name = rest[..<nameEnd]
    if let first = name.first, first.isNumber { return false }
    rest = rest[nameEnd...]
    if rest.isEmpty { return !name.isEmpty }
    guard rest.first == "{", rest.last == "}" else { return false }
    // One pair of braces: none inside the matchers, outside quoted label values.
    var inQuote = false
    var escaped = false
    for character in rest.dropFirst().dropLast() {
      if escaped {
        escaped = false
      } else if character == "\\" {
        escaped = inQuote
      } else if character == "\"" {
        inQuote.toggle()
      } else if !inQuote && (character == "{" || character == "}" || character == "[") {
        return false
      }
    }
    return !inQuote
  }
}
