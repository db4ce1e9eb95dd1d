import BudgetKit
import GitKit

/// Re-judges every change that landed on first-parent history against the owners of its own
/// base, as the gate would have, and follows exceptions across steps for their total length.
public struct Audit {
  public let repository: Repository

  public init(repository: Repository) {
    self.repository = repository
  }

  /// The findings of the first-parent history of `range` (a revision or `A..B`), newest
  /// step last; `today` judges a step whose commit carries no date.
  public func findings(in range: String, today: CalendarDay) throws(LedgerError) -> [AuditFinding] {
    let resolved = try RevisionResolver(repository: repository).range(range)
    return try findings(from: resolved.from, to: resolved.to, today: today)
  }

  /// The findings of the first-parent history from `to` back to `from` (excluded).
  public func findings(from: Oid?, to: Oid, today: CalendarDay) throws(LedgerError)
    -> [AuditFinding]
  {
    let repo = repository
    let walk = try AuditWalk(
      repository: repo, from: from, to: to, pushes: try PushLog(repository: repo).records())
    let late = LateApprovals(repository: repo)
    var tracker = ExceptionSpanTracker()
    var chains = ExceptionChainTracker()
    var findings: [AuditFinding] = []
    while let step = try walk.next() {
      let head = step.gate.head
      if !step.isBootstrap {
        let found = step.findings()
        try late.observe(step, stepFindings: found, offset: findings.count, findings: &findings)
        findings += found
      }
      let limit =
        step.gate.base?.owners?.rules.maxExceptionDays ?? head.owners?.rules.maxExceptionDays
        ?? Rules().maxExceptionDays
      for (exception, span) in tracker.record(head.exceptions, limit: limit) {
        findings.append(
          AuditFinding(
            kind: .exceptionTooLongInTotal, commit: step.commit, date: step.date,
            author: step.author,
            path: exception.path,
            detail:
              "exception \(exception.id.value) now spans \(span) days since it first started; the limit is \(limit)"
          ))
      }
      let day = head.day ?? today
      for chain in chains.record(head.exceptions, day: day, limit: limit) {
        findings.append(
          AuditFinding(
            kind: .exceptionTooLongInTotal, commit: step.commit, date: step.date,
            author: step.author, path: chain.members.last?.path ?? "",
            detail:
              "exceptions \(chain.membersText) relax \(chain.coverText) for \(chain.lengthInDays) days without a break, counting those removed earlier; the limit is \(limit)"
          ))
      }
    }
    return findings
  }
}
