import Foundation

/// A PromQL query of events that a rule evaluates over each window, written one of three ways:
///
/// - with `$window` where its range goes: `sum(rate(http_requests_total{job="api"}[$window]))`;
/// - with one range, which each window replaces: `sum(increase(http_requests_total[5m]))`
///   (the query `bursar check` reads results of, as it is);
/// - as a counter selector, read as `sum(rate(SELECTOR[WINDOW]))`:
///   `http_requests_total{job="api",code!~"5.."}`.
///
/// Good and total (or bad and total) are divided, so `rate` and `increase` give the same ratio.
public struct WindowedQuery: Sendable, Hashable, CustomStringConvertible {
  public var text: String

  /// The placeholder a query writes where its range goes.
  public static let placeholder = "$window"

  public init(_ text: String) {
    self.text = text.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  public var description: String { text }

  /// Whether the query can be evaluated over a window.
  public var isWindowable: Bool {
    text.contains(Self.placeholder) || Self.ranges(in: text)?.count == 1 || Self.isSelector(text)
  }

  /// The query over a window written in PromQL's duration syntax (`5m`, `3d`).
  public func over(_ window: String) -> String {
    if text.contains(Self.placeholder) {
      return text.replacingOccurrences(of: Self.placeholder, with: window)
    }
    if let ranges = Self.ranges(in: text), ranges.count == 1 {
      return text.replacingCharacters(in: ranges[0], with: window)
    }
    return "sum(rate(\(text)[\(window)]))"
  }

  /// The durations inside the range brackets of a query (`5m` of `rate(x[5m])`), outside quoted
  /// strings; nil when a bracket holds anything else (a subquery's `[1h:5m]`, `$window`).
  static func ranges(in text: String) -> [Range<String.Index>]? {
    var ranges: [Range<String.Index>] = []
    var quote: Character?
    var escaped = false
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      if let open = quote {
        if escaped {
          escaped = false
        } else if character == "\\" {
          escaped = true
        } else if character == open {
          quote = nil
        }
      } else if character == "\"" || character == "'" || character == "`" {
        quote = character
      } else if character == "[" {
        guard let close = text[index...].firstIndex(of: "]") else { return nil }
        let inside = text.index(after: index)..<close
        guard isDuration(text[inside]) else { return nil }
        ranges.append(inside)
        index = close
      }
      index = text.index(after: index)
    }
    return ranges
  }

  /// `5m`, `1h30m`, `90s`, `250ms`: digits and PromQL units, at least one pair.
  static func isDuration(_ text: Substring) -> Bool {
    let units = ["ms", "s", "m", "h", "d", "w", "y"]
    var rest = text.trimmingCharacters(in: .whitespaces)[...]
    guard !rest.isEmpty else { return false }
    while !rest.isEmpty {
      let digits = rest.prefix { $0.isASCII && $0.isNumber }
      guard !digits.isEmpty else { return false }
      rest = rest.dropFirst(digits.count)
      guard let unit = units.first(where: { rest.hasPrefix($0) }) else { return false }
      rest = rest.dropFirst(unit.count)
    }
    return true
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
