import BudgetKit
import GitKit

/// Every value one metric has had in an environment, newest first: the commits that set it,
/// their rationale, and who approved each value (in the tree, or later on the first-parent line).
public struct Blame {
  public let repository: Repository
  public let scope: HistoryScope
  public let budget: BudgetName
  public let metric: MetricName
  public let environment: EnvironmentName

  public init(
    repository: Repository, scope: HistoryScope, budget: BudgetName, metric: MetricName,
    environment: EnvironmentName
  ) {
    self.repository = repository
    self.scope = scope
    self.budget = budget
    self.metric = metric
    self.environment = environment
  }

  /// The commits that changed the metric's value, newest first; empty when none did.
  public func lines() throws(LedgerError) -> [BlameLine] {
    // Only a file whose bytes hold the name (or an escape that could spell it) can define it.
    let relevance = Relevance.containing([budget.rawValue])
    var lines: [BlameLine] = []
    let trail = try AuditTrail(repository: repository, scope: scope, relevance: relevance)
    while let commit = try trail.next() {
      let changes = commit.entries.compactMap(\.change).filter(matches)
      guard let path = changes.first?.path else { continue }
      let approvers = try git { () throws(GitError) in
        try trail.approvers(ofFile: path, at: commit.commit)
      }
      let added = commit.entries.filter { $0.change.map(matches) == true }.flatMap(\.approvals)
      lines.append(
        BlameLine(
          commit: commit.commit, changes: changes, rationale: commit.entries[0].rationale,
          approvals: Array(Set(approvers + added)).sorted()))
    }
    let search = LaterApprovalSearch(trail: trail, head: scope.heads.first)
    for index in lines.indices where lines[index].approvals.isEmpty {
      guard let path = lines[index].changes.first?.path else { continue }
      let (setAt, next) = (lines[index].commit, index == 0 ? nil : lines[index - 1].commit)
      lines[index].lateApprovals = try git { () throws(GitError) in
        try search.approvals(ofFile: path, setAt: setAt, changedNextAt: next)
      }
    }
    return lines
  }

  private func git<T>(_ body: () throws(GitError) -> T) throws(LedgerError) -> T {
    do { return try body() } catch { throw .git(error) }
  }

  private func matches(_ change: BudgetChange) -> Bool {
    guard case .bound(let bound) = change.what else { return false }
    return bound.budget == budget && bound.metric == metric && bound.environment == environment
  }
}

/// One commit that changed the metric's value.
public struct BlameLine {
  public var commit: CommitInfo
  /// The fields that changed (`max`, `min`…), in bound order.
  public var changes: [BudgetChange]
  public var rationale: String
  public var approvals: [MemberName]
  /// Approvals of the value that landed in later commits (a fast-forward or rebase merge).
  public var lateApprovals: [LaterApproval] = []
}
