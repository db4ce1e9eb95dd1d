/// A name whose entry differs between two trees at one level: added, removed, or with another
/// id or mode.
public struct TreeLevelChange: Hashable, Sendable {
  public let name: String
  /// The entry in the old tree; nil when the name is new.
  public let old: TreeLevelEntry?
  /// The entry in the new tree; nil when the name is gone.
  public let new: TreeLevelEntry?

  /// Creates a change from its parts.
  public init(name: String, old: TreeLevelEntry?, new: TreeLevelEntry?) {
    self.name = name
    self.old = old
    self.new = new
  }
}
