import ArgumentParser
import BudgetKit
import Foundation
import Ledger
import Measurements

/// `bursar export`: what the governed budgets mean for another tool, one output per run.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write what bursar keeps for other tools (Prometheus rules, JSON lines).",
    discussion: """
      One output per run, named by its flag. --prometheus-rules writes a Prometheus rules \
      file from the budgets and the Prometheus queries of the import mappings (kind: Import) \
      at a revision: a threshold alert for every cap and floor, converted to the unit the \
      query measures in; for slo metrics, the error ratio recorded over each window the \
      burn-rate rules read and one multiwindow, multi-burn-rate alert per rule, the same \
      rules check judges by (see docs/alerts.md). Metrics without a query get no rules and \
      are listed on standard error; the export still succeeds. --env names the environment \
      whose effective budgets the rules hold (default: production). Exit 2 when the budgets \
      or the mappings are invalid, or a query cannot stand for its metric.

      --runs, --history and --audit write JSON lines for a warehouse, each line carrying its \
      stream (`export`) and the version of its schema (`export_format`); see \
      docs/json.md#exporting-to-a-warehouse. --runs: the recorded runs (refs/bursar/runs), \
      one figure a line with its run's fields: every run, those of --commit, or those along \
      the first-parent history of --range REV or A..B. A run that cannot be read is named on \
      standard error and skipped; exit 2 when runs were skipped and none was read, or the \
      runs reference cannot be read at all.

      --history [BUDGET [METRIC]]: what `bursar history` shows, one figure a line: its \
      commit, run, value, the bound of the budget at that commit, the verdict and exceptions \
      then, and the id of the budgets tree that judged it; along the first parents of HEAD or \
      --range REV or A..B, only runs of --env if given. A budget or metric that no figure \
      names and the budgets at the range's head do not define is refused (exit 2).

      --audit: what `bursar log` shows, one audit event a line: every change to a budget, an \
      exception or an approval, and every file a commit left invalid, with who, when and \
      why; along the first parents of HEAD or --range (REV, A..B or A...B), narrowed by the \
      filters log takes (--budget, --metric, --env, --kind, --since, --until, --author).
      """)

  @OptionGroup var repository: RepositoryOptions
  @OptionGroup var sourceOptions: SourceOptions

  @Flag(help: "What to write (one of them).")
  var output: ExportOutput

  @Argument(help: "With --history: only this budget.")
  var budget: String?

  @Argument(help: "With --history: only this metric of the budget.")
  var metric: String?

  @OptionGroup(title: "Filters (--env for every output, the others for --audit)")
  var filters: AuditFilterOptions

  @Option(
    name: .customLong("burn-rule"),
    help: ArgumentHelp(
      "A burn-rate alert LONG/SHORT:FACTOR:warn|page[:SHARE], repeatable; replaces the default 1h/5m:14.4:page, 6h/30m:6:page and 3d/6h:1:warn, as for check.",
      valueName: "rule"))
  var burnRules: [String] = []

  @Option(
    name: .customLong("for"),
    help: ArgumentHelp(
      "How long a cap or floor must be crossed before its alert fires (default: 5m; 0s fires at once).",
      valueName: "duration"))
  var holdFor: String?

  @Option(
    name: .long,
    help: ArgumentHelp("With --runs: only the runs of this commit.", valueName: "rev"))
  var commit: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "With --runs or --history: the first parents of REV, or of B down to A for A..B (default HEAD); with --audit also A...B.",
      valueName: "range"))
  var range: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "With --history: how percentiles are read from recorded samples: linear or nearest-rank.",
      valueName: "method"))
  var percentileMethod: String?

  @Option(
    name: .customLong("allowed-signers"),
    help: ArgumentHelp(
      "With --runs: an ssh-keygen allowed-signers file; runs signed by its keys are `trusted` (default: git's gpg.ssh.allowedSignersFile).",
      valueName: "file"))
  var allowedSigners: String?

  @Option(
    name: [.customShort("o"), .customLong("output")],
    help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
  var outputFile: String?

  /// The environment: of the rules, of the runs history shows, of the changes audit keeps.
  var env: String? { filters.env }

  func validate() throws {
    if let env, !EnvironmentKind.isValid(env) {
      throw ValidationError("`\(env)` is not a valid environment name")
    }
    if output != .prometheusRules {
      if sourceOptions.rev != nil || sourceOptions.staged {
        throw ValidationError(
          "--rev and --staged go with --prometheus-rules; \(output == .runs ? "--commit or --range" : "--range") chooses the history"
        )
      }
      if !burnRules.isEmpty { throw ValidationError("--burn-rule goes with --prometheus-rules") }
      if holdFor != nil { throw ValidationError("--for goes with --prometheus-rules") }
    }
    if output != .runs {
      if commit != nil { throw ValidationError("--commit goes with --runs") }
      if allowedSigners != nil { throw ValidationError("--allowed-signers goes with --runs") }
    } else if commit != nil && range != nil {
      throw ValidationError("give --commit or --range, not both")
    }
    if output == .prometheusRules, range != nil {
      throw ValidationError("--range goes with --runs, --history or --audit")
    }
    if let range, output != .audit, range.contains("...") {
      throw ValidationError("--range takes REV or A..B here, not `\(range)`")
    }
    if output != .history {
      if budget != nil {
        throw ValidationError(
          "BUDGET and METRIC go with --history\(output == .audit ? "; --audit takes --budget and --metric" : "")"
        )
      }
      if percentileMethod != nil {
        throw ValidationError("--percentile-method goes with --history")
      }
    }
    try validateHistory()
    if output != .audit {
      let given = [
        ("--budget", filters.budget), ("--metric", filters.metric), ("--kind", filters.kind),
        ("--since", filters.since), ("--until", filters.until), ("--author", filters.author),
      ]
      if let (name, _) = given.first(where: { $0.1 != nil }) {
        throw ValidationError(
          "\(name) goes with --audit\(output == .history && (name == "--budget" || name == "--metric") ? "; --history takes BUDGET and METRIC as arguments" : "")"
        )
      }
    }
    _ = try burnRatePolicy()
    _ = try hold()
  }

  func run() throws {
    switch output {
    case .runs: return try exportRuns()
    case .history: return try exportHistory()
    case .audit: return try exportAudit()
    case .prometheusRules: break
    }
    let repo = try repository.open()
    let source: BudgetSource
    let tree: BudgetTree
    do {
      source = try sourceOptions.source(with: RevisionResolver(repository: repo))
      tree = try SnapshotReader(repository: repo).snapshot(source).load()
    } catch {
      throw CommandFailure(error)
    }
    guard tree.isValid else { try refuse(tree, from: source) }
    try exportPrometheusRules(tree, from: source)
  }

  private func exportPrometheusRules(_ tree: BudgetTree, from source: BudgetSource) throws {
    let environment = env.map { EnvironmentName($0) } ?? .production
    if environment != .production,
      !tree.budgets.contains(where: { $0.environmentNames.contains(environment) })
    {
      throw CommandFailure(
        "no budget in \(source) has an environment named '\(environment)'")
    }
    let plan = PrometheusRulePlan(
      tree: tree, queries: tree.prometheusQueries, environment: environment)
    let generator = PrometheusRuleGenerator(
      burnRatePolicy: try burnRatePolicy(), thresholdHold: try hold())
    let rules: PrometheusRuleSet
    do throws(PrometheusRuleProblems) {
      guard plan.problems.isEmpty else { throw PrometheusRuleProblems(plan.problems) }
      rules = try generator.rules(for: plan.sources)
    } catch {
      guard error.problems.count > 1 else { throw CommandFailure(error.description) }
      for problem in error.problems { Console.error(problem.description) }
      throw CommandFailure(
        "cannot write Prometheus rules: \(error.problems.count) problems in the import mappings")
    }
    let header = """
      Prometheus rules for the budgets in \(source), \(environment), written by \
      `bursar export --prometheus-rules`.
      Edit the budgets and their import mappings, not this file: the next export replaces it.
      """
    let text = try PrometheusRulesRenderer(header: header).render(rules)
    try write(text + "\n")
    if !plan.unmapped.isEmpty {
      let names = plan.unmapped.map(\.description)
      Console.error(
        "bursar: warning: \(names.count) metric\(names.count == 1 ? " has" : "s have") no Prometheus query in an import mapping, so no rules: "
          + names.joined(separator: ", "))
    }
    if plan.sources.isEmpty {
      Console.error(
        "bursar: warning: no metric has a Prometheus query; the rules file has no groups")
    }
  }

  func write(_ text: String) throws {
    guard let outputFile, outputFile != "-" else {
      Console.output(text)
      return
    }
    do {
      try Data(text.utf8).write(to: URL(fileURLWithPath: outputFile), options: .atomic)
    } catch {
      throw CommandFailure("cannot write \(outputFile): \(error.localizedDescription)")
    }
  }

  /// An invalid budgets tree cannot say what to alert on: its errors on standard error, exit 2.
  private func refuse(_ tree: BudgetTree, from source: BudgetSource) throws -> Never {
    for diagnostic in tree.diagnostics where diagnostic.severity == .error {
      Console.error(diagnostic.description)
    }
    throw CommandFailure(
      "the budgets in \(source) are invalid (see `bursar validate`); nothing was exported"
    )
  }

  private func burnRatePolicy() throws -> BurnRatePolicy {
    try BurnRatePolicy.parsing(burnRules)
  }

  private func hold() throws -> Quantity? {
    guard let holdFor else { return PrometheusRuleGenerator.defaultThresholdHold }
    guard case .success(let duration) = QuantityParser.parse(holdFor),
      duration.family == .duration,
      PrometheusDuration.text(duration) != nil || duration.baseValue == 0
    else {
      throw ValidationError(
        "--for takes a duration such as 5m, 30s or 0s (a whole number of milliseconds), not `\(holdFor)`"
      )
    }
    return duration
  }
}

/// The outputs of `bursar export`, one flag each; a run writes one of them.
enum ExportOutput: String, EnumerableFlag {
  case prometheusRules
  case runs
  case history
  case audit

  static func help(for value: ExportOutput) -> ArgumentHelp? {
    switch value {
    case .prometheusRules:
      "Prometheus recording and alerting rules for the metrics the import mappings measure."
    case .runs:
      "Recorded runs as JSON lines, one figure a line."
    case .history:
      "The figures along history as JSON lines, each with the bound and verdict of its commit."
    case .audit:
      "The audit trail as JSON lines: one change, exception or approval a line."
    }
  }
}
