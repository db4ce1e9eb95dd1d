import BudgetKit

/// Where `check` finds the recorded runs a budget names as a baseline or a drift reference: the
/// ledger reads them from `refs/bursar/runs`; the domain only asks for them.
public protocol RecordedRunSource {
  /// The run recorded under `id`; nil when no run has that id.
  func run(_ id: RunID) throws(ReferenceProblem) -> RecordedRun?
  /// The runs recorded against a commit (by full id), oldest first.
  func runs(atCommit commit: String) throws(ReferenceProblem) -> [RecordedRun]
}

/// Why a recorded reference gives no figure: the sentence ends an error that names the
/// budget file, line and column of the reference.
public struct ReferenceProblem: Error, Sendable, Equatable, CustomStringConvertible {
  public var reason: String

  public init(_ reason: String) { self.reason = reason }

  public var description: String { reason }
}
