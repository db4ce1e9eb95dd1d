import Foundation

/// Why a commit changed budgets: its `Budget-Rationale:` trailer, else its message.
public enum Rationale {
  public static let trailer = "Budget-Rationale"

  /// The trailer's value (continuation lines joined), or the whole message trimmed.
  public static func of(message: String) -> String {
    trailerValue(in: message) ?? message.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// The value of the last `Budget-Rationale:` trailer in the message's final paragraph.
  ///
  /// Trailers are `Key: value` lines in the last paragraph, as `git interpret-trailers` reads
  /// them; a line that starts with whitespace continues the one before. The key is matched
  /// without regard to case.
  public static func trailerValue(in message: String) -> String? {
    let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
    }
    let body = lines.reversed().drop { $0.trimmingCharacters(in: .whitespaces).isEmpty }
    let paragraph = Array(
      body.prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.reversed())
    var value: String?
    var inTrailer = false
    for line in paragraph {
      if let first = line.first, first == " " || first == "\t" {
        if inTrailer, let current = value {
          value = current + " " + line.trimmingCharacters(in: .whitespaces)
        }
        continue
      }
      inTrailer = false
      guard let colon = line.firstIndex(of: ":") else { continue }
      let key = line[..<colon].trimmingCharacters(in: .whitespaces)
      if key.lowercased() == trailer.lowercased() {
        value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        inTrailer = true
      }
    }
    return value.flatMap { $0.isEmpty ? nil : $0 }
  }
}
