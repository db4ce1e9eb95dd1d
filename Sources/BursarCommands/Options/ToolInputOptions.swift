import ArgumentParser

/// What `check` and `record` read: `-m` files (bursar's measurements, or a tool's outputs),
/// the tool that wrote them, and the `kind: Import` mapping that names their figures.
struct ToolInputOptions: ParsableArguments {
  @Option(
    name: [.customShort("m"), .long],
    help: ArgumentHelp(
      "The measurements file: .json, .yaml or .csv, or - for standard input. With --from, a tool's output; repeatable, NAME=path names a Prometheus query result for the mapping's `result:`.",
      valueName: "file"))
  var measurements: [String]

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The tool that wrote the -m files: locust, pytest-benchmark, prometheus, mlflow, k6, or bursar (the measurements format). Default: what the content says, when only one tool could have written it.",
      valueName: "tool"))
  var from: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The `kind: Import` mapping to apply, a path inside .budgets/ of the budgets read: check's, or the commit's that record stores (default: every mapping for the tool there).",
      valueName: "path"))
  var mapping: String?

  /// The one path both commands read a tool's outputs through; `refusal` ends its last line.
  func toolImport(refusal: String) -> ToolOutputImport {
    ToolOutputImport(arguments: measurements, from: from, mapping: mapping, refusal: refusal)
  }
}
