import Foundation
import Yams

/// Turns a Yams error into a diagnostic with a place and a short excerpt, never the whole line
/// (a 5 MB line would otherwise make a 5 MB message).
struct YamlErrorTranslator {
  let path: String
  let text: String

  func diagnostic(for error: YamlError) -> Diagnostic {
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _):
      return syntax(problem, context: context, at: mark)
    case .composer(_, let problem, let mark, _):
      if problem.contains("another document") {
        return Diagnostic(
          .yamlMultipleDocuments, at: location(mark), "the file holds more than one YAML document",
          hint: "keep one document per file; put the next one in a file of its own")
      }
      if problem.contains("undefined alias") {
        return Diagnostic(.yamlAnchor, at: location(mark), "aliases (`*name`) are not allowed")
      }
      return syntax(problem, context: nil, at: mark)
    case .duplicatedKeysInMapping(let duplicates, let context):
      return duplicateKey(duplicates, firstAt: context.mark)
    case .reader(let problem, _, _, _):
      return Diagnostic(.fileEncoding, at: .start(of: path), "cannot read the file: \(problem)")
    default:
      return Diagnostic(.yamlSyntax, at: .start(of: path), "cannot read YAML: \(error)")
    }
  }

  private func syntax(_ problem: String, context: YamlError.Context?, at mark: Mark) -> Diagnostic {
    var message = "invalid YAML: \(problem)"
    if let context { message += " \(context.text) (line \(context.mark.line))" }
    let excerpt = Self.excerpt(of: text, at: mark)
    return Diagnostic(
      .yamlSyntax, at: location(mark), message, hint: excerpt.map { "near `\($0)`" })
  }

  private func duplicateKey(_ keys: [String], firstAt mark: Mark) -> Diagnostic {
    let key = keys.first ?? "?"
    let second = Self.secondOccurrence(of: key, afterLine: mark.line, column: mark.column, in: text)
    let place =
      second.map { SourceLocation(path: path, line: $0.line, column: $0.column) } ?? location(mark)
    return Diagnostic(
      .yamlDuplicateKey, at: place,
      "the key `\(key)` appears more than once in the same mapping (first at line \(mark.line))",
      hint: "keep one entry; YAML would silently keep only the last")
  }

  private func location(_ mark: Mark) -> SourceLocation {
    SourceLocation(path: path, line: max(mark.line, 1), column: max(mark.column, 1))
  }

  /// Where the same key is written again: at the same column in a block mapping, or later on the
  /// same line in a flow mapping.
  static func secondOccurrence(
    of key: String, afterLine line: Int, column: Int, in text: String
  ) -> (line: Int, column: Int)? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard line >= 1, line <= lines.count else { return nil }
    let firstLine = Array(lines[line - 1].unicodeScalars)
    if let found = keyColumn(key, in: firstLine, from: column) {
      return (line, found)
    }
    let indent = column - 1
    for number in line..<lines.count {
      let scalars = Array(lines[number].unicodeScalars)
      let leading = scalars.prefix { $0 == " " || $0 == "-" }.count
      if leading < indent && scalars.count > leading && scalars[leading] != "#" { break }
      if leading == indent, keyColumn(key, in: scalars, from: indent, exact: true) != nil {
        return (number + 1, indent + 1)
      }
    }
    return nil
  }

  private static func keyColumn(
    _ key: String, in scalars: [Unicode.Scalar], from column: Int, exact: Bool = false
  ) -> Int? {
    let keyScalars = Array(key.unicodeScalars)
    var start = exact ? column : column
    while start + keyScalars.count <= scalars.count {
      if Array(scalars[start..<start + keyScalars.count]) == keyScalars {
        var after = start + keyScalars.count
        while after < scalars.count && scalars[after] == " " { after += 1 }
        let before = start == 0 ? " " : scalars[start - 1]
        if after < scalars.count && scalars[after] == ":" && [" ", "{", ",", "-"].contains(before) {
          return start + 1
        }
      }
      if exact { return nil }
      start += 1
    }
    return nil
  }

  /// Up to 40 characters around a place, on one line.
  static func excerpt(of text: String, at mark: Mark) -> String? {
    var lineNumber = 1
    var lineStart = text.unicodeScalars.startIndex
    if mark.line > 1 {
      for index in text.unicodeScalars.indices where text.unicodeScalars[index] == "\n" {
        lineNumber += 1
        if lineNumber == mark.line {
          lineStart = text.unicodeScalars.index(after: index)
          break
        }
      }
      guard lineNumber == mark.line else { return nil }
    }
    let line = text.unicodeScalars[lineStart...].prefix { $0 != "\n" }
    let begin = max(0, mark.column - 21)
    let slice = line.dropFirst(begin).prefix(40)
    let excerpt = String(String.UnicodeScalarView(slice)).trimmingCharacters(in: .whitespaces)
    return excerpt.isEmpty ? nil : excerpt
  }
}
