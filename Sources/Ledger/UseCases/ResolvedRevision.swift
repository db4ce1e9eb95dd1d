import GitKit

/// A revision as a person wrote it, with the commit it names.
public struct ResolvedRevision: Sendable, Equatable, CustomStringConvertible {
  /// The text as written: `main`, `HEAD~2`, an abbreviated id.
  public let text: String
  public let commit: Oid

  public init(text: String, commit: Oid) {
    self.text = text
    self.commit = commit
  }

  /// The commit as a point to read a budget tree at.
  public var point: TreePoint { .commit(commit, revision: text) }

  /// `main (1a2b3c4)`, or the abbreviated id alone when that is what was written.
  public var description: String { point.description }
}
