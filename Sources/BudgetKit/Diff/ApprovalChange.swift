/// An approval of one file that appeared or disappeared.
public struct ApprovalChange: Sendable, Hashable {
  /// Who approves.
  public var by: MemberName
  /// The approved file, relative to the budgets folder, as the approval names it.
  public var file: String
  /// The meaning digest the approval binds to.
  public var digest: String
  /// The budget in the approved file, when the side knows it.
  public var budget: BudgetName?
  /// Whether the approval record carries a signature.
  public var signed: Bool
  /// For an approval that appears: whether it binds to its file's meaning on the new side;
  /// nil when the side does not know the file's digest, or for one that disappears.
  public var state: ApprovalState?

  public init(
    by: MemberName, file: String, digest: String, budget: BudgetName?, signed: Bool,
    state: ApprovalState?
  ) {
    self.by = by
    self.file = file
    self.digest = digest
    self.budget = budget
    self.signed = signed
    self.state = state
  }
}
