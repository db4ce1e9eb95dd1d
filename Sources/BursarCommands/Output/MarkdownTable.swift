/// bursar's one Markdown table writer: rows whose cells cannot break the table.
///
/// A cell's pipes are escaped (`\|`) and its line breaks become spaces. The comments a pull
/// request shows beside its code (`diff` and `check`) also write `<` as `&lt;`, so a value
/// cannot open HTML; the `audit`, `log` and `gate` tables keep `<` as written, as they always
/// have (`escapingHTML: false`).
enum MarkdownTable {
  /// One table row: `| a | b |`, every cell escaped.
  static func row(_ cells: [String], escapingHTML: Bool = true) -> String {
    "| " + cells.map { cell($0, escapingHTML: escapingHTML) }.joined(separator: " | ") + " |"
  }

  /// A cell's text: pipes escaped, on one line, and `<` written `&lt;` when `escapingHTML`.
  static func cell(_ text: String, escapingHTML: Bool = true) -> String {
    let text = inline(text, escapingHTML: escapingHTML)
    return text.contains("|") ? text.replacingOccurrences(of: "|", with: "\\|") : text
  }

  /// Text that stays on one line (a list item, a note) and, when `escapingHTML`, cannot
  /// open HTML; pipes are kept, as outside a table they are plain text.
  static func inline(_ text: String, escapingHTML: Bool = true) -> String {
    var text = text
    if text.contains("\n") { text = text.replacingOccurrences(of: "\n", with: " ") }
    if escapingHTML && text.contains("<") {
      text = text.replacingOccurrences(of: "<", with: "&lt;")
    }
    return text
  }
}
