/// The staged files under a folder of the index, and the paths there with unresolved conflicts.
public struct IndexListing: Hashable, Sendable {
  /// Stage-0 entries (what the next commit would record), paths relative to the folder,
  /// in index order. Entries added with `git add -N` are left out: they hold no content yet.
  public let entries: [TreeEntry]
  /// Paths relative to the folder that have conflict stages (1 to 3), each listed once.
  public let conflictedPaths: [String]
  /// The checksum that ends the index file as read (zero when the file has none, as with
  /// `index.skipHash`); the same checksum means the same index.
  public let checksum: Oid?

  /// Creates a listing from its parts.
  public init(entries: [TreeEntry], conflictedPaths: [String], checksum: Oid? = nil) {
    self.entries = entries
    self.conflictedPaths = conflictedPaths
    self.checksum = checksum
  }
}
