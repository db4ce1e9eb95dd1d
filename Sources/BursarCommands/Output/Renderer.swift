/// Turns one computed result into the text of one format.
///
/// A renderer reads a result that is already complete (a report, a view, a list of
/// diagnostics) and computes nothing of its own, so every format of a command shows the same
/// facts. Output that streams as a history is walked has `LogRenderer` instead, which is
/// handed one entry at a time. A document format such as HTML conforms the same way: its
/// `Subject` is the report, its text the whole page.
protocol Renderer {
  /// What this renderer shows.
  associatedtype Subject
  /// The whole output for `subject`, without a trailing line break.
  func render(_ subject: Subject) -> String
}
