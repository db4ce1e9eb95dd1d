/// Markdown text that refuses additions past a limit and counts what it left out.
struct BoundedText {
  let limit: Int
  private(set) var text = ""
  private(set) var skipped = 0
  private(set) var isFull = false
  /// Characters, counted as GitHub counts them (Unicode scalars are a safe upper bound).
  private var length = 0

  init(limit: Int) {
    self.limit = limit
  }

  /// Appends the text if it fits with `reserve` characters to spare for the closing line.
  @discardableResult
  mutating func add(_ piece: String, reserve: Int = 0) -> Bool {
    let size = piece.unicodeScalars.count
    guard !isFull, length + size + reserve <= limit else {
      isFull = true
      return false
    }
    text += piece
    length += size
    return true
  }

  mutating func skip(_ count: Int) {
    skipped += count
  }

  /// The text, with a closing line counting the changes left out.
  func finish(total: Int) -> String {
    guard skipped > 0 else { return text }
    return text
      + "\n_…and \(skipped) more of \(total) changes not shown, to keep this comment under "
      + "\(limit) characters; run `bursar diff` locally for all of them._\n"
  }
}
