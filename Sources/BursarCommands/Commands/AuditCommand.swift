import ArgumentParser
import BudgetKit
import Foundation
import GitKit
import Ledger

/// `bursar audit`: re-judges every change that landed on first-parent history against the
/// owners of its own base.
struct AuditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract: "Find changes that landed without the sign-off they needed, and other breaches.",
    discussion: """
      Walks the first-parent history of RANGE (default: all of HEAD) and judges each commit \
      that changed .budgets/ against its first parent, with that parent's owners, keys and \
      rules, as `bursar gate` would have; what arrived in one push recorded by the server's \
      post-receive hook (the notes under refs/notes/bursar/pushes) is judged as one step. \
      Reports unsigned changes, changes approved late (in a later first-parent step no push \
      record joins them to), approvals that did not verify, invalid trees, exceptions over \
      policy or extended past max_exception_days in total. An exception that expired is \
      history: it stays in the tree and is never a finding. Exit 1 when anything is found, \
      approved-late included.
      """)

  @OptionGroup var repository: RepositoryOptions

  @Option(name: .long, help: "Output format: text, json, csv or markdown.")
  var format: AuditFormat = .text

  @Option(
    name: .long,
    help:
      "The day a step is judged on when its commit carries no date (YYYY-MM-DD, default today, UTC)."
  )
  var at: String?

  @Argument(help: "A revision or range such as main, v1..main or main~50..main (default HEAD).")
  var range: String = "HEAD"

  func run() throws {
    let repo = try repository.open()
    guard let today = at.map(CalendarDay.init) ?? CalendarDay(date: Date()) else {
      throw CommandFailure("--at \(at ?? "") is not a calendar date (YYYY-MM-DD)")
    }
    let resolved: RevisionRange
    do { resolved = try repo.resolveRange(range) } catch { throw CommandFailure(error) }
    let findings: [AuditFinding]
    do {
      findings = try Self.audit(repo, from: resolved.from, to: resolved.to, today: today)
    } catch {
      throw CommandFailure(error)
    }
    Console.output(AuditRenderer(format: format, range: range).render(findings))
    if !findings.isEmpty { throw ExitCode(ExitStatus.blocked) }
  }

  static func audit(_ repo: Repository, from: Oid?, to: Oid, today: CalendarDay) throws(LedgerError)
    -> [AuditFinding]
  {
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
        step.gate.base?.owners?.rules.maxExceptionDays ?? head.owners?.rules.maxExceptionDays ?? 90
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

/// The output formats of `audit`.
enum AuditFormat: String, OutputFormat, CaseIterable {
  case text
  case json
  case csv
  case markdown
}
