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

  /// The commit as a source to read a budget tree from.
  public var source: BudgetSource { .commit(self) }

  /// `main (1a2b3c4)`, or the abbreviated id alone when that is what was written.
  public var description: String {
    text == commit.hex ? commit.abbreviated : "\(text) (\(commit.abbreviated))"
  }
}
