import GitKit
import Ledger

/// A failure that stops a command before it can judge anything (exit code 2), in one sentence.
public struct CommandFailure: Error, CustomStringConvertible {
  public var description: String

  public init(_ description: String) {
    self.description = description
  }

  public init(_ error: GitError) {
    self.description = error.description
  }

  public init(_ error: LedgerError) {
    self.description = error.description
  }

  /// `.budgets/` is missing at a point, named as the command names it, with what to do.
  static func noBudgetsFolder(in label: String, at point: TreePoint, repository: Repository)
    -> CommandFailure
  {
    let remedy = SnapshotReader(repository: repository).remedy(missingFrom: point.source)
    return CommandFailure("no .budgets/ folder in \(label)" + remedy.advice(for: point.source))
  }
}
