import Foundation

/// A file of bursar's own in the git directory (a cache, a verdict), written whole or not at all:
/// to a temporary file in the same folder that then replaces it, so a reader never sees half.
enum PrivateFile {
  /// Writes `text` to `path`, creating the folder; false when it could not (the files are
  /// shortcuts, never worth stopping for).
  @discardableResult
  static func write(_ text: String, to path: String) -> Bool {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(
      ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: temporary)
      if rename(temporary.path, url.path) != 0 {
        try? FileManager.default.removeItem(at: temporary)
        return false
      }
      return true
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      return false
    }
  }
}
