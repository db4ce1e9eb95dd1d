import Foundation

/// Where `export`'s JSON lines go: standard output as they come, or a file (`-o`), written
/// whole at the end so a failed export leaves no half file behind.
struct ExportSink {
  private let file: String?
  private var pending = ""
  private var streamed = StreamedOutput()

  /// `file` nil or `-` is standard output.
  init(file: String?) {
    self.file = file == "-" ? nil : file
  }

  /// Text that ends in a newline, or a line without one (given one).
  mutating func write(_ text: String) {
    let line = text.hasSuffix("\n") ? String(text.dropLast()) : text
    if file == nil { streamed.line(line) } else { pending += line + "\n" }
  }

  /// After a failure: what standard output holds is flushed; no file is written.
  mutating func abandon() {
    streamed.flush()
  }

  /// Flushes standard output, or writes the file.
  mutating func finish() throws {
    streamed.flush()
    guard let file else { return }
    do {
      try Data(pending.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
    } catch {
      throw CommandFailure("cannot write \(file): \(error.localizedDescription)")
    }
  }
}
