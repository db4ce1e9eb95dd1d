import Foundation

/// Writes the `history --format json` document figure by figure, byte for byte what
/// `JSONOutput.encode(HistoryJSON(report))` gives, without holding the whole document: the
/// document is encoded with no figures, and each figure is encoded alone, indented to its
/// place in the `figures` array and written out in turn.
struct HistoryJSONWriter {
  /// How the document's `figures` array reads when empty, at the document's first level.
  static let emptyFigures = "\"figures\" : [\n\n  ]"

  /// Hands the document to `write` in pieces, in order.
  func write(_ report: HistoryReport, to write: (String) -> Void) {
    self.write(
      HistoryJSON(heading: report), figures: report.rows.lazy.map(HistoryJSON.figure), to: write)
  }

  /// Hands a document with these figures (its own `figures` left out) to `write` in pieces.
  func write<Figures: Sequence<HistoryJSON.Figure>>(
    _ document: HistoryJSON, figures: Figures, to write: (String) -> Void
  ) {
    var heading = document
    heading.figures = []
    let encoded = JSONOutput.encode(heading)
    // Keys and string values are escaped, so the key cannot appear elsewhere; should the
    // encoder ever lay the document out otherwise, it is encoded whole.
    guard let empty = encoded.range(of: Self.emptyFigures) else {
      heading.figures = Array(figures)
      write(JSONOutput.encode(heading))
      return
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    var chunk = ""
    var separator = ""
    for figure in figures {
      // A figure holds strings, decimals and booleans, which always encode.
      guard let data = try? encoder.encode(figure) else { continue }
      if separator.isEmpty { chunk = String(encoded[..<empty.lowerBound]) + "\"figures\" : [\n" }
      chunk += separator
      separator = ",\n"
      // Each line moves two levels in (the array inside the document), but for the empty
      // line the encoder writes inside an empty array.
      var newline = ""
      for line in String(decoding: data, as: UTF8.self).split(
        separator: "\n", omittingEmptySubsequences: false)
      {
        chunk += newline
        newline = "\n"
        if !line.isEmpty { chunk += "    " }
        chunk += line
      }
      if chunk.utf8.count > 1 << 16 {
        write(chunk)
        chunk = ""
      }
    }
    guard !separator.isEmpty else {
      write(encoded)
      return
    }
    write(chunk + "\n  ]" + encoded[empty.upperBound...])
  }
}
