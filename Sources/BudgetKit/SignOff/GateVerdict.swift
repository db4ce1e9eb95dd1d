/// The pre-merge verdict on a change: what it needs, what is signed, and what blocks it.
public struct GateVerdict: Sendable {
  /// One required sign-off with the approvers who meet it.
  public struct Status: Sendable, Hashable {
    public var requirement: RequiredSignOff
    public var satisfied: Bool
    /// Genuine, fresh approvers who belong to a listed team.
    public var approvers: [MemberName]
    /// Who else could sign: members of the listed teams who would count.
    public var candidates: [MemberName]
    /// Members of the listed teams who cannot count, with why (authors, members without keys).
    public var excluded: [SignerExclusion]

    public init(
      requirement: RequiredSignOff, satisfied: Bool, approvers: [MemberName],
      candidates: [MemberName], excluded: [SignerExclusion] = []
    ) {
      self.requirement = requirement
      self.satisfied = satisfied
      self.approvers = approvers
      self.candidates = candidates
      self.excluded = excluded
    }
  }

  /// Every semantic change from base to head.
  public var changes: [BudgetChange]
  public var required: [Status]
  /// The approval records that bear on the change: those it adds or edits, those that bind a
  /// file needing a sign-off, and those that bound a file the change alters.
  public var reviews: [ApprovalReview]
  /// Errors in the head's files: the head must validate.
  public var headErrors: [Diagnostic]
  /// Exceptions the change grants or extends beyond the base's `max_exception_days`.
  public var policyProblems: [String]
  /// The fewest people (by a greedy set cover) whose approvals would cover what is missing.
  public var suggestedSigners: [MemberName]

  public init(
    changes: [BudgetChange], required: [Status], reviews: [ApprovalReview],
    headErrors: [Diagnostic],
    policyProblems: [String], suggestedSigners: [MemberName]
  ) {
    self.changes = changes
    self.required = required
    self.reviews = reviews
    self.headErrors = headErrors
    self.policyProblems = policyProblems
    self.suggestedSigners = suggestedSigners
  }

  /// Whether the change may merge.
  public var passes: Bool {
    headErrors.isEmpty && policyProblems.isEmpty && required.allSatisfy(\.satisfied)
  }

  public var missing: [Status] { required.filter { !$0.satisfied } }
}
