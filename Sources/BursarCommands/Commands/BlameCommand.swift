import ArgumentParser
import BudgetKit
import Foundation
import GitKit
import Ledger

/// `bursar blame`: every value one metric has had, who set it, when, why, and who approved.
struct BlameCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "blame",
    abstract: "Every value a metric has had, newest first: who set it, when, why, who approved.",
    discussion: """
      Follows first parents from HEAD (or --rev). The first line is the change that set the \
      current value. Values are effective values in the environment (production by default), \
      so a change to a base value that the environment inherits shows there too. Approvals are \
      those in the tree at each commit that bind to the file's content there; when there are \
      none, those of that content that landed later on the first-parent line, before the next \
      change of the metric (a fast-forward or rebase merge), with the commit that brought \
      each and how much later.
      """)

  @OptionGroup var repository: RepositoryOptions

  @Option(name: .long, help: "The environment (production is the base metrics).")
  var env: String = "production"

  @Option(name: .long, help: "Start from this revision instead of HEAD.")
  var rev: String?

  @Option(name: .long, help: "Output format: text or json.")
  var format: ShowFormat = .text

  @Argument(help: "The budget's name.")
  var budget: String

  @Argument(help: "The metric's name.")
  var metric: String

  func run() throws {
    try? ObjectCacheSettings.historyWalk.apply()
    let repo = try repository.open()
    guard let scope = try HistoryRange.scope(rev, firstParentOnly: true, in: repo) else {
      throw CommandFailure("the repository has no commits yet, so the metric has no history")
    }
    let lines = try BlameTrail(
      repository: repo, scope: scope, budget: BudgetName(budget), metric: MetricName(metric),
      environment: EnvironmentName(env)
    ).lines()
    guard !lines.isEmpty else {
      throw CommandFailure(
        "budget '\(budget)' never had a metric '\(metric)' in \(env) in the history of \(rev ?? "HEAD")"
      )
    }
    let report = BlameReport(budget: budget, metric: metric, environment: env, lines: lines)
    switch format {
    case .text: Console.output(BlameTextRenderer().render(report))
    case .json: Console.output(JSONRenderer(BlameJSON.init).render(report))
    }
  }
}

/// The blame of one metric, gathered from the audit trail.
struct BlameTrail {
  let repository: Repository
  let scope: HistoryScope
  let budget: BudgetName
  let metric: MetricName
  let environment: EnvironmentName

  func lines() throws -> [BlameLine] {
    // Only a file whose bytes hold the name (or an escape that could spell it) can define it.
    let relevance = Relevance.containing([budget.rawValue])
    var lines: [BlameLine] = []
    do {
      let trail = try AuditTrail(repository: repository, scope: scope, relevance: relevance)
      while let commit = try trail.next() {
        let changes = commit.entries.compactMap(\.change).filter(matches)
        guard let path = changes.first?.path else { continue }
        let approvers = try trail.approvers(ofFile: path, at: commit.commit)
        let added = commit.entries.filter { $0.change.map(matches) == true }.flatMap(\.approvals)
        lines.append(
          BlameLine(
            commit: commit.commit, changes: changes, rationale: commit.entries[0].rationale,
            approvals: Array(Set(approvers + added)).sorted()))
      }
      let search = LaterApprovalSearch(trail: trail, head: scope.heads.first)
      for index in lines.indices where lines[index].approvals.isEmpty {
        guard let path = lines[index].changes.first?.path else { continue }
        lines[index].lateApprovals = try search.approvals(
          ofFile: path, setAt: lines[index].commit,
          changedNextAt: index == 0 ? nil : lines[index - 1].commit)
      }
    } catch let error as LedgerError {
      throw CommandFailure(error)
    } catch let error as GitError {
      throw CommandFailure(error)
    }
    return lines
  }

  private func matches(_ change: BudgetChange) -> Bool {
    change.category == .budget && change.budget == budget && change.metric == metric
      && change.environmentName == environment && change.field != "dimension"
  }
}

/// One commit that changed the metric's value.
struct BlameLine {
  var commit: CommitInfo
  /// The fields that changed (`max`, `min`…), in bound order.
  var changes: [BudgetChange]
  var rationale: String
  var approvals: [MemberName]
  /// Approvals of the value that landed in later commits (a fast-forward or rebase merge).
  var lateApprovals: [LaterApproval] = []
}

/// Everything `blame` prints.
struct BlameReport {
  var budget: String
  var metric: String
  var environment: String
  var lines: [BlameLine]
}
