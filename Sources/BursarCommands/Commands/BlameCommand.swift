import ArgumentParser
import BudgetKit
import Foundation
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
    let repo = try repository.open(forHistoryWalk: true)
    let lines: [BlameLine]
    do {
      guard
        let scope = try RevisionResolver(repository: repo).scope(rev, firstParentOnly: true)
      else {
        throw CommandFailure("the repository has no commits yet, so the metric has no history")
      }
      lines = try Blame(
        repository: repo, scope: scope, budget: BudgetName(budget), metric: MetricName(metric),
        environment: EnvironmentName(env)
      ).lines()
    } catch let error as LedgerError {
      throw CommandFailure(error)
    }
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

/// Everything `blame` prints.
struct BlameReport {
  var budget: String
  var metric: String
  var environment: String
  var lines: [BlameLine]
}
