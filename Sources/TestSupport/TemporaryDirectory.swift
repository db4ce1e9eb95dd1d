import Foundation

/// A fresh, empty folder that is deleted with everything in it when released.
public final class TemporaryDirectory: Sendable {
  /// The folder's absolute path with symbolic links resolved, so it compares equal to the
  /// paths other tools report (on macOS /var is a link to /private/var).
  public let path: String

  /// Creates the folder under the system's temporary folder.
  public init(prefix: String = "bursar-test") throws {
    let template = NSTemporaryDirectory() + "/\(prefix)-XXXXXX"
    var bytes = Array(template.utf8CString)
    guard let created = mkdtemp(&bytes) else {
      throw ProcessFailure(command: ["mkdtemp", template], status: nil, stderr: "errno \(errno)")
    }
    let raw = String(cString: created)
    path = URL(fileURLWithPath: raw).resolvingSymlinksInPath().path
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }

  /// The absolute path of something inside the folder.
  public func appending(_ relative: String) -> String {
    path + "/" + relative
  }

  /// Writes a text file directly inside the folder and returns its absolute path.
  @discardableResult
  public func write(_ text: String, to name: String) throws -> String {
    let file = appending(name)
    try Data(text.utf8).write(to: URL(fileURLWithPath: file))
    return file
  }
}
