import ArgumentParser
import BudgetKit
import Foundation
import Ledger
import Measurements

/// `bursar export`: what the governed budgets mean for another tool, one output per run.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write what bursar keeps for other tools (Prometheus rules, recorded runs).",
    discussion: """
      One output per run, named by its flag. --prometheus-rules writes a Prometheus rules \
      file from the budgets and the Prometheus queries of the import mappings (kind: Import) \
      at a revision: a threshold alert for every cap and floor, converted to the unit the \
      query measures in; for slo metrics, the error ratio recorded over each window the \
      burn-rate rules read and one multiwindow, multi-burn-rate alert per rule, the same \
      rules check judges by (see docs/alerts.md). Metrics without a query get no rules and \
      are listed on standard error; the export still succeeds. Exit 2 when the budgets or \
      the mappings are invalid, or a query cannot stand for its metric.

      --runs writes the recorded runs (refs/bursar/runs) as JSON lines, one figure a line \
      with its run's fields (docs/json.md#export---runs): every run, those of --commit, or \
      those along the first-parent --history of REV or A..B. A run that cannot be read is \
      named on standard error and skipped; exit 2 when runs were skipped and none was read, \
      or the runs reference cannot be read at all.
      """)

  @OptionGroup var repository: RepositoryOptions
  @OptionGroup var sourceOptions: SourceOptions

  @Flag(help: "What to write (one of them).")
  var output: ExportOutput

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The environment whose effective budgets the rules hold (default: production).",
      valueName: "env"))
  var env: String?

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
      "With --runs: only the runs along the first parents of REV, or of B down to A for A..B.",
      valueName: "range"))
  var history: String?

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

  func validate() throws {
    if let env, !EnvironmentKind.isValid(env) {
      throw ValidationError("`\(env)` is not a valid environment name")
    }
    if output != .prometheusRules {
      if !burnRules.isEmpty { throw ValidationError("--burn-rule goes with --prometheus-rules") }
      if holdFor != nil { throw ValidationError("--for goes with --prometheus-rules") }
    }
    if output != .runs {
      if commit != nil { throw ValidationError("--commit goes with --runs") }
      if history != nil { throw ValidationError("--history goes with --runs") }
      if allowedSigners != nil { throw ValidationError("--allowed-signers goes with --runs") }
    } else if commit != nil && history != nil {
      throw ValidationError("give --commit or --history, not both")
    }
    _ = try burnRatePolicy()
    _ = try hold()
  }

  func run() throws {
    if output == .runs { return try exportRuns() }
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
    switch output {
    case .prometheusRules: try exportPrometheusRules(tree, from: source)
    case .runs: try exportRuns()
    }
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

  private func write(_ text: String) throws {
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

  static func help(for value: ExportOutput) -> ArgumentHelp? {
    switch value {
    case .prometheusRules:
      "Prometheus recording and alerting rules for the metrics the import mappings measure."
    case .runs:
      "Recorded runs as JSON lines, one figure a line."
    }
  }
}
