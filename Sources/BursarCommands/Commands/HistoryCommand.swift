import ArgumentParser
import BudgetKit
import Foundation
import Ledger
import Measurements

/// `bursar history`: recorded figures along first-parent history, each against the budget
/// that applied at its commit.
struct HistoryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: "Show recorded figures along history, each against the budget of its commit.",
    discussion: """
      Follows first parents from HEAD (or --range A..B: B's first parents not reachable from \
      A) and lists every figure recorded with `bursar record`, newest first: the commit, the \
      run, the figure, the bound of the budget at that commit (read from git there), the \
      verdict it had then and the exceptions in force at the run's instant. Text shows a \
      sparkline per metric, oldest to newest. See docs/history.md.
      """)

  @OptionGroup var repository: RepositoryOptions

  @Argument(help: "Only this budget.")
  var budget: String?

  @Argument(help: "Only this metric of the budget.")
  var metric: String?

  @Option(name: .long, help: ArgumentHelp("Only runs of this environment.", valueName: "env"))
  var env: String?

  @Option(
    name: .long,
    help: ArgumentHelp("Only B's first parents not reachable from A.", valueName: "A..B"))
  var range: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "How percentiles are read from recorded samples: linear or nearest-rank.",
      valueName: "method"))
  var percentileMethod = PercentileMethod.linear.rawValue

  @Option(name: .long, help: "Output format: text (with a sparkline per metric), json or csv.")
  var format: HistoryFormat = .text

  func validate() throws {
    if let budget, !BudgetKind.isValid(budget) {
      throw ValidationError("`\(budget)` is not a valid budget name")
    }
    if let metric, !MetricKind.isValid(metric) {
      throw ValidationError("`\(metric)` is not a valid metric name")
    }
    if let env, !EnvironmentKind.isValid(env) {
      throw ValidationError("`\(env)` is not a valid environment name")
    }
    if let range, !range.contains("..") || range.contains("...") {
      throw ValidationError("--range takes A..B, not `\(range)`")
    }
    if PercentileMethod(rawValue: percentileMethod) == nil {
      throw ValidationError(
        "--percentile-method is linear or nearest-rank, not `\(percentileMethod)`")
    }
  }

  func run() throws {
    let repo = try repository.open(forHistoryWalk: true)
    let resolver = RevisionResolver(repository: repo)
    let found: HistoryEnds?
    do throws(LedgerError) { found = try resolver.historyEnds(range) } catch {
      throw CommandFailure(error)
    }
    guard let ends = found else {
      throw CommandFailure("HEAD has no commit yet, so there is no history to show")
    }
    let runs = try RecordedRuns { () throws(RunStoreError) in try RunStore(repository: repo) }
    // One budget shown: each run is read for its figures alone.
    runs.lookup.onlyBudget = budget.map { BudgetName($0) }
    var history = RunHistory(
      repository: repo, runs: runs.lookup, head: ends.head, base: ends.base,
      budget: budget.map { BudgetName($0) }, metric: metric.map { MetricName($0) },
      environment: env.map { EnvironmentName($0) })
    history.percentileMethod = PercentileMethod(rawValue: percentileMethod) ?? .linear
    history.references = runs.references
    history.moreReaders = { HistoryReaders.reopening(repo, lookup: runs.lookup) }
    let rows: [HistoryRow]
    do throws(LedgerError) { rows = try history.rows() } catch { throw CommandFailure(error) }
    let report = HistoryReport(
      rows: rows, range: range ?? "HEAD", budget: budget, metric: metric, environment: env,
      recordedRuns: !runs.lookup.isEmpty)
    switch format {
    case .text: Console.output(HistoryTextRenderer().render(report))
    case .json:
      // Figure by figure: a long history's document is never held whole.
      HistoryJSONWriter().write(report, to: Console.outputPiece)
      Console.outputPiece("\n")
    case .csv: Console.output(HistoryCSVRenderer().render(report))
    }
    runs.warnAboutSkips()
  }
}

/// The output formats of `history`.
enum HistoryFormat: String, OutputFormat, CaseIterable {
  case text
  case json
  case csv
}
