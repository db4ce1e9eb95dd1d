import BudgetKit
import Measurements

/// What `bursar suggest` found: the tighter limits, how many runs each environment had, and
/// who must sign off a tightening.
public struct SuggestPlan: Sendable {
  public var suggestions: [BoundSuggestion]
  /// Runs read per environment, production first.
  public var runs: [(environment: EnvironmentName, count: Int)]
  public var policy: RatchetPolicy
  /// `rules.tighten` of the Owners file: who approves a tightening.
  public var tighten: Rules.Approvers
}
