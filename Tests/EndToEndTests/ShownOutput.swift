import Foundation

/// The output a document shows for a command, as a pattern the real output must match.
///
/// A line `...` stands for any number of lines; `<commit>` (an abbreviated or full commit id),
/// `<date>` (YYYY-MM-DD) and `<version>` stand for what changes from run to run. Trailing
/// spaces are ignored on both sides, as Markdown editors drop them.
struct ShownOutput {
  static let elision = "..."
  static let placeholders = [
    "<commit>": "[0-9a-f]{7,40}", "<date>": "[0-9]{4}-[0-9]{2}-[0-9]{2}", "<version>": "[^ ]+",
  ]

  let lines: [String]

  init(_ lines: [String]) {
    self.lines = Self.trimmed(lines)
  }

  /// Lines without trailing spaces, and without the empty lines that end them.
  static func trimmed(_ lines: [String]) -> [String] {
    var result = lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }
    while result.last == "" { result.removeLast() }
    return result
  }

  /// Whether a command's real output is what is shown.
  func matches(_ output: String) -> Bool {
    let actual = Self.trimmed(
      output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    return Self.match(lines[...], actual[...])
  }

  private static func match(_ shown: ArraySlice<String>, _ actual: ArraySlice<String>) -> Bool {
    guard let first = shown.first else { return actual.isEmpty }
    if first == elision {
      return (actual.startIndex...actual.endIndex).contains {
        match(shown.dropFirst(), actual[$0...])
      }
    }
    guard let line = actual.first, lineMatches(first, line) else { return false }
    return match(shown.dropFirst(), actual.dropFirst())
  }

  /// Whether one real line is the shown one, placeholders standing for what they stand for.
  static func lineMatches(_ shown: String, _ actual: String) -> Bool {
    guard shown.contains("<") else { return shown == actual }
    var pattern = "^" + NSRegularExpression.escapedPattern(for: shown) + "$"
    for (placeholder, expression) in placeholders {
      pattern = pattern.replacingOccurrences(
        of: NSRegularExpression.escapedPattern(for: placeholder), with: expression)
    }
    return actual.range(of: pattern, options: .regularExpression) != nil
  }
}
