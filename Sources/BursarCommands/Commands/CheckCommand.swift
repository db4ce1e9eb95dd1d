import ArgumentParser
import BudgetKit
import Foundation
import Ledger
import Measurements

/// `bursar check`: measured figures against the effective budgets of an environment, with the
/// exceptions in force applied.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check measured figures against the budgets of an environment.",
    discussion: """
      Reads measurements (JSON, YAML or CSV; see docs/check.md): summary values, raw samples \
      from which metrics named like latency_p95 take their percentile, and SLI series of good \
      and total events for slo metrics. Each metric of a measured budget is within, breached, \
      excepted (breached but covered by an exception in force at --at) or missing. Exit 1 on \
      a breach no exception covers, a page-level burn rate, a missing figure (unless \
      --allow-missing) or a figure on a suspect scale (unless --allow-scale-warnings); exit 2 \
      when the measurements, the environment or the budgets are invalid, each problem printed.

      With --from TOOL (locust, pytest-benchmark, prometheus, mlflow, k6), or when the content \
      says which tool wrote it, -m takes that tool's output as it is and the budgets tree's \
      `kind: Import` mapping for the tool (or --mapping) says which figure measures which \
      metric; figures no mapping names are listed (see docs/measurements.md).
      """)

  @OptionGroup var repository: RepositoryOptions
  @OptionGroup var sourceOptions: SourceOptions

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The environment to judge (default: the file's, else production).", valueName: "env"))
  var env: String?

  @OptionGroup var input: ToolInputOptions

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The day or instant that decides which exceptions are in force (default: the file's `at`, else now).",
      valueName: "date"))
  var at: String?

  @Flag(name: .long, help: "Report metrics without a figure without failing.")
  var allowMissing = false

  @Flag(
    name: .long,
    help:
      "Report a plain-number figure on a suspect scale (96 against min 0.96) without failing.")
  var allowScaleWarnings = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "How percentiles are read from raw samples: linear (NumPy's default) or nearest-rank.",
      valueName: "method"))
  var percentileMethod = PercentileMethod.linear.rawValue

  @Option(
    name: .customLong("burn-rule"),
    help: ArgumentHelp(
      "A burn-rate alert LONG/SHORT:FACTOR:warn|page[:SHARE], repeatable; replaces the default 1h/5m:14.4:page, 6h/30m:6:page and 3d/6h:1:warn. A rule judges a series covering at least SHARE of its long window (default 90%).",
      valueName: "rule"))
  var burnRules: [String] = []

  @Option(
    name: .customLong("against-history"),
    help: ArgumentHelp(
      "Also compare each figure with the last N recorded runs of the environment on first-parent history (N defaults to \(CheckHistory.defaultRuns)); a regression warns, or blocks where the Owners file says.",
      valueName: "N"))
  var againstHistory: Int?

  @Option(
    name: .long, help: "Output format: text, json, markdown (a pull-request comment) or junit.")
  var format: CheckFormat = .text

  func validate() throws {
    if let env, !EnvironmentKind.isValid(env) {
      throw ValidationError("`\(env)` is not a valid environment name")
    }
    if let at, Timestamp.parse(at) == nil {
      throw ValidationError(
        "--at takes a day (2026-11-25) or a timestamp with its offset (2026-11-25T10:00:00Z), not `\(at)`"
      )
    }
    if PercentileMethod(rawValue: percentileMethod) == nil {
      throw ValidationError(
        "--percentile-method is linear or nearest-rank, not `\(percentileMethod)`")
    }
    _ = try burnRatePolicy()
    try toolImport.validate()
    if let againstHistory, againstHistory < 1 {
      throw ValidationError(
        "--against-history takes a number of runs from 1, not \(againstHistory)")
    }
  }

  func run() throws {
    var outputs = try toolImport.readOutputs()
    if case .tool(let tool) = try toolImport.origin(of: outputs) {
      return try runImport(tool, outputs: &outputs)
    }
    let parsed = try readMeasurements(outputs[0])
    let (source, tree) = try loadTree()
    let options = try checkOptions()
    let recorded = try recordedReferences(for: tree)
    var report: CheckReport
    do throws(CheckProblems) {
      report = try BudgetChecker(tree: tree, options: options).check(parsed, recorded: recorded)
    } catch {
      // One problem is the error itself; several are listed, sorted by place, then counted.
      guard error.problems.count > 1 else { throw CommandFailure(error.description) }
      for problem in error.problems { Console.error(problem.description) }
      throw CommandFailure("cannot check: \(error.problems.count) problems in \(parsed.path)")
    }
    report = try againstRecordedRuns(report, tree: tree, source: source, options: options)
    Console.output(render(report, from: source))
    if report.blocks { throw ExitCode(ExitStatus.blocked) }
  }

  /// With `--against-history N`: each verdict beside the last N recorded runs.
  func againstRecordedRuns(
    _ report: CheckReport, tree: BudgetTree, source: BudgetSource, options: CheckOptions
  ) throws
    -> CheckReport
  {
    guard let againstHistory else { return report }
    return try CheckHistory(runs: againstHistory, source: source).annotate(
      report, tree: tree, repository: repository, method: options.percentileMethod)
  }

  /// The budgets tree to judge by, with where it was read; an invalid one is refused.
  func loadTree() throws -> (source: BudgetSource, tree: BudgetTree) {
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
    return (source, tree)
  }

  func checkOptions() throws -> CheckOptions {
    CheckOptions(
      environment: env.map { EnvironmentName($0) }, at: at.flatMap(Timestamp.parse),
      allowMissing: allowMissing, allowScaleWarnings: allowScaleWarnings,
      percentileMethod: PercentileMethod(rawValue: percentileMethod) ?? .linear,
      burnRatePolicy: try burnRatePolicy())
  }

  func render(_ report: CheckReport, from budgets: BudgetSource) -> String {
    let source = budgets.description
    switch format {
    case .text: return CheckTextRenderer(source: source).render(report)
    case .json: return CheckJSONRenderer(source: source).render(report)
    case .markdown: return CheckMarkdownRenderer(source: source).render(report)
    case .junit: return CheckJUnitRenderer().render(report)
    }
  }

  /// The measurements, or every problem in them on standard error and exit 2.
  private func readMeasurements(_ output: ToolOutput) throws -> Measurements {
    do throws(MeasurementsError) {
      return try MeasurementsParser().parse(output.bytes, path: output.path)
    } catch {
      throw toolImport.failure(error, in: output.path)
    }
  }

  /// An invalid budgets tree cannot judge anything: its errors on standard error, and exit 2.
  func refuse(_ tree: BudgetTree, from source: BudgetSource) throws -> Never {
    for diagnostic in tree.diagnostics where diagnostic.severity == .error {
      Console.error(diagnostic.sentence)
    }
    throw CommandFailure(
      "the budgets in \(source) are invalid (see `bursar validate`); nothing was checked"
    )
  }

  func burnRatePolicy() throws -> BurnRatePolicy {
    try BurnRatePolicy.parsing(burnRules)
  }
}
