/// A stream of `bursar export`'s JSON lines and the version of its line schema: every line
/// carries both (`export`, `export_format`), so a line loaded anywhere says what it is.
struct ExportStream: Sendable, Equatable {
  /// `runs`, `history` or `audit`.
  var name: String
  /// Raised when a key of the stream is renamed, retyped or changes meaning; new keys may be
  /// added within a version.
  var format: Int

  static let runs = ExportStream(name: "runs", format: 1)
  static let history = ExportStream(name: "history", format: 1)
  static let audit = ExportStream(name: "audit", format: 1)
}
