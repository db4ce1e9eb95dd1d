import BudgetKit

/// A tighter value proposed for one limit of one budget, where it is written.
public struct BoundSuggestion: Sendable, Hashable {
  public var budget: BudgetName
  /// The budget's file, relative to the repository root.
  public var path: String
  public var environment: EnvironmentName
  public var metric: MetricName
  public var dimension: DimensionName
  public var proposal: RatchetProposal
  /// Where the value is written: `metrics.<metric>.<key>`, or the environment's override.
  public var keys: [String]

  /// The edit that writes the proposal in place.
  public var edit: ValueEdit { ValueEdit(path: path, keys: keys, text: proposal.proposedText) }
}
