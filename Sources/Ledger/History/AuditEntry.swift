import BudgetKit
import GitKit

/// One line of the audit trail: a change (or a file left invalid) in one commit.
public struct AuditEntry: Sendable {
  public var commit: CommitInfo
  /// The change; nil when the entry reports a file the commit left invalid.
  public var change: BudgetChange?
  /// The first error of a file the commit left invalid; its changes count from the commit
  /// that makes it valid again.
  public var problem: Diagnostic?
  /// The commit's `Budget-Rationale:` trailer, else its message.
  public var rationale: String
  /// Who approved the changed file's new content, among the approvals the commit added.
  public var approvals: [MemberName]

  public init(
    commit: CommitInfo, change: BudgetChange?, problem: Diagnostic? = nil, rationale: String,
    approvals: [MemberName] = []
  ) {
    self.commit = commit
    self.change = change
    self.problem = problem
    self.rationale = rationale
    self.approvals = approvals
  }
}

/// The entries of one commit, in the order the diff gives them.
public struct AuditCommit: Sendable {
  public var commit: CommitInfo
  public var entries: [AuditEntry]
}
