import GitKit

/// A file that differs between two trees, with its entry on each side (nil where absent).
public struct FileChange: Sendable, Hashable {
  /// The path relative to the compared folder.
  public var path: String
  public var old: TreeEntry?
  public var new: TreeEntry?

  public init(path: String, old: TreeEntry?, new: TreeEntry?) {
    self.path = path
    self.old = old
    self.new = new
  }
}
