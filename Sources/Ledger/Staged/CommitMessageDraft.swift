/// The message file a commit-msg hook receives, read as git will record it: everything from the
/// scissors line of `git commit -v` on is dropped, and so are comment lines.
public struct CommitMessageDraft: Sendable {
  /// The message without comments.
  public let text: String

  /// - Parameter commentChar: `core.commentChar` (default `#`; `auto` is read as `#`).
  public init(_ raw: String, commentChar: String? = nil) {
    let marker = commentChar.flatMap { $0.isEmpty || $0 == "auto" ? nil : $0 } ?? "#"
    let scissors = "\(marker) ------------------------ >8 ------------------------"
    var kept: [Substring] = []
    for line in raw.split(separator: "\n", omittingEmptySubsequences: false) {
      let bare = line.hasSuffix("\r") ? line.dropLast() : line
      if bare == scissors { break }
      if bare.hasPrefix(marker) { continue }
      kept.append(bare)
    }
    text = kept.joined(separator: "\n")
  }

  /// The `Budget-Rationale:` trailer's value, if the message has one.
  public var rationale: String? { Rationale.trailerValue(in: text) }
}
