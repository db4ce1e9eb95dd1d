import ArgumentParser
import BudgetKit
import Foundation
import Ledger
import Measurements

/// `bursar suggest`: tighter caps and floors that the recorded runs beat with room to spare.
struct SuggestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "suggest",
    abstract: "Propose tighter caps and floors that recent recorded runs beat by a margin.",
    discussion: """
      For each max or min of the budgets in the work tree, looks at the latest --runs recorded \
      runs of the environment it is written for (first parents from HEAD). When the worst of \
      them, plus --margin, is still tighter than the limit, proposes that value rounded to two \
      significant figures in the limit's unit, away from the runs; floors far below the runs \
      are flagged. It never loosens. --write edits the budget files in place, changing only \
      the characters of each value; commit the change and have it reviewed like any other \
      (a tightening needs the sign-off rules.tighten names). See docs/history.md.
      """)

  @OptionGroup var repository: RepositoryOptions

  @Argument(help: "Only this budget.")
  var budget: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "How many of the latest recorded runs per environment to look at (default \(RatchetPolicy.defaultRuns)).",
      valueName: "n"))
  var runs = RatchetPolicy.defaultRuns

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The room kept beyond the worst run, as a percentage (default 10%).", valueName: "percent"))
  var margin = "10%"

  @Option(
    name: .long,
    help: ArgumentHelp(
      "How percentiles are read from recorded samples: linear or nearest-rank.",
      valueName: "method"))
  var percentileMethod = PercentileMethod.linear.rawValue

  @Flag(name: .long, help: "Write the proposals into the budget files, changing only the values.")
  var write = false

  @Option(name: .long, help: "Output format: text or json.")
  var format: SuggestFormat = .text

  func validate() throws {
    if let budget, !BudgetKind.isValid(budget) {
      throw ValidationError("`\(budget)` is not a valid budget name")
    }
    guard (1...10_000).contains(runs) else {
      throw ValidationError("--runs takes a number from 1 to 10000, not \(runs)")
    }
    guard marginFraction != nil else {
      throw ValidationError(
        "--margin takes a percentage from 0% to 100%, such as 10%, not `\(margin)`")
    }
    if PercentileMethod(rawValue: percentileMethod) == nil {
      throw ValidationError(
        "--percentile-method is linear or nearest-rank, not `\(percentileMethod)`")
    }
  }

  private var marginFraction: Double? {
    guard margin.hasSuffix("%"), let number = Double(margin.dropLast()), (0...100).contains(number)
    else { return nil }
    return number / 100
  }

  func run() throws {
    let repo = try repository.open()
    guard let workTree = repo.workingDirectory else {
      throw CommandFailure(
        "suggest reads and edits the work tree's budgets; this repository is bare")
    }
    let tree: BudgetTree
    let snapshot: BudgetSnapshot
    do throws(LedgerError) {
      snapshot = try SnapshotReader(repository: repo).snapshot(.workTree)
      tree = snapshot.load()
    } catch {
      throw CommandFailure(error)
    }
    guard tree.isValid else {
      for diagnostic in tree.diagnostics where diagnostic.severity == .error {
        Console.error(diagnostic.description)
      }
      throw CommandFailure(
        "the budgets in the work tree are invalid (see `bursar validate`); nothing was suggested")
    }
    if let budget, tree.budget(named: BudgetName(budget)) == nil {
      throw CommandFailure("no budget named '\(budget)' in the work tree")
    }
    guard let head = RevisionResolver(repository: repo).headIfAny() else {
      throw CommandFailure("HEAD has no commit yet, so no run is recorded on its history")
    }
    let recorded = try RecordedRuns { () throws(RunStoreError) in try RunStore(repository: repo) }
    let policy = RatchetPolicy(runs: runs, margin: marginFraction ?? RatchetPolicy.defaultMargin)
    let history = FigureHistory(
      repository: repo, runs: recorded.lookup, tree: tree,
      percentileMethod: PercentileMethod(rawValue: percentileMethod) ?? .linear)
    let plan: SuggestPlan
    do throws(LedgerError) {
      plan = try Suggest(
        history: history, head: head.commit, policy: policy, budget: budget.map { BudgetName($0) }
      ).plan()
    } catch {
      throw CommandFailure(error)
    }
    var written: [String] = []
    if write, !plan.suggestions.isEmpty {
      do throws(ValueEditFailure) {
        written = try ValueEditWriter(workTree: workTree).apply(plan.suggestions.map(\.edit))
      } catch {
        throw CommandFailure("nothing was written: \(error.sentence)")
      }
    }
    let report = SuggestReport(plan: plan, written: written, wrote: write)
    switch format {
    case .text: Console.output(SuggestTextRenderer().render(report))
    case .json: Console.output(JSONRenderer(SuggestJSON.init).render(report))
    }
    recorded.warnAboutSkips()
  }
}

/// The output formats of `suggest`.
enum SuggestFormat: String, OutputFormat, CaseIterable {
  case text
  case json
}

extension ValueEditFailure {
  /// The failure in the command line's words.
  var sentence: String {
    switch self {
    case .file(let path, let reason): "\(path) \(reason)"
    case .edit(let error): error.description
    case .changedSince(let path): "\(path) changed while the suggestions were made; run it again"
    }
  }
}
