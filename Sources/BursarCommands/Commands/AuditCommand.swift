import ArgumentParser
import BudgetKit
import Foundation
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
    let findings: [AuditFinding]
    do {
      findings = try Audit(repository: repo).findings(in: range, today: today)
    } catch {
      throw CommandFailure(error)
    }
    Console.output(AuditRenderer(format: format, range: range).render(findings))
    if !findings.isEmpty { throw ExitCode(ExitStatus.blocked) }
  }
}

/// The output formats of `audit`.
enum AuditFormat: String, OutputFormat, CaseIterable {
  case text
  case json
  case csv
  case markdown
}
