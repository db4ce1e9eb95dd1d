/// The policy in the Owners file: which changes need whose sign-off, and limits on deviations.
public struct Rules: Sendable, Hashable {
  /// Who must approve one kind of change.
  public enum Approvers: String, Sendable, CaseIterable {
    /// The owners of the metric's dimension (or the budget's team for a whole budget).
    case owners
    /// The governance teams.
    case governance
    /// Nobody.
    case none
  }

  /// Whether approvals must carry a valid SSH signature.
  public enum Signatures: String, Sendable, CaseIterable {
    case required
    case optional
  }

  public var loosen: Approvers = .owners
  public var tighten: Approvers = .none
  public var add: Approvers = .owners
  public var remove: Approvers = .owners
  public var exception: Approvers = .owners
  public var maxExceptionDays: Int = 90
  public var signatures: Signatures = .required
  public var selfApproval: Bool = false

  public init() {}
}
