/// Lines gathered and written to standard output in batches, so streaming output does not cost
/// one write per line.
struct StreamedOutput {
  private var buffer: [String] = []
  private var size = 0

  mutating func line(_ text: String) {
    buffer.append(text)
    size += text.utf8.count
    if size > 64 * 1024 { flush() }
  }

  mutating func flush() {
    guard !buffer.isEmpty else { return }
    Console.output(buffer.joined(separator: "\n"))
    buffer.removeAll(keepingCapacity: true)
    size = 0
  }
}
