import ArgumentParser
import BudgetKit
import Foundation
import Ledger
import Measurements

/// `bursar record`: one run of measurements stored against a commit on `refs/bursar/runs`.
struct RecordCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "record",
    abstract: "Record a run of measurements against a commit, in git.",
    discussion: """
      Reads measurements as `bursar check` does and stores them, with the environment, the \
      instant, the source format, who records and the commit measured, as one JSON file on \
      refs/bursar/runs (see docs/history.md#recording-runs). With --from TOOL, or when the \
      content says which tool wrote it, -m takes that tool's output as `check --from` reads it, \
      through the `kind: Import` mappings of the commit recorded (or --mapping there); figures \
      no mapping names are listed and not recorded. Raw samples are kept as an HDR \
      histogram whose percentiles are within 0.074% of the exact ones. The same run recorded \
      twice is stored once (SOURCE_DATE_EPOCH fixes the instant). --push fetches the remote's runs, merges them and pushes, again \
      after a rejected push. Exit 2 when nothing could be recorded, or when merging finds a \
      run recorded with different bytes on both sides (both are kept).
      """)

  @OptionGroup var repository: RepositoryOptions

  @OptionGroup var input: ToolInputOptions

  @Option(
    name: .long,
    help: ArgumentHelp("The commit the figures measure (default: HEAD).", valueName: "rev"))
  var commit = "HEAD"

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The environment measured (default: the file's, else production).", valueName: "env"))
  var env: String?

  @Option(
    name: .customLong("as"),
    help: ArgumentHelp(
      "Who records, as \"Name <email>\" (default: git's user.name and user.email).",
      valueName: "identity"))
  var identity: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Sign the run with this SSH key file (a private key, or a public key held by ssh-agent).",
      valueName: "key"))
  var sign: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Fetch, merge and push refs/bursar/runs with this remote (a name, URL or path).",
      valueName: "remote"))
  var push: String?

  var toolImport: ToolOutputImport { input.toolImport(refusal: "cannot record") }

  func validate() throws {
    try toolImport.validate()
    if let env, !EnvironmentKind.isValid(env) {
      throw ValidationError("`\(env)` is not a valid environment name")
    }
    if let identity, RunRecorder(parsing: identity) == nil {
      throw ValidationError("--as takes \"Name <email>\", not `\(identity)`")
    }
  }

  /// Now, or the instant `SOURCE_DATE_EPOCH` gives in seconds, for reproducible recordings.
  static func now() -> Date {
    guard let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"],
      let seconds = Double(text), seconds.isFinite
    else { return Date() }
    return Date(timeIntervalSince1970: seconds)
  }

  func run() throws {
    var outputs = try toolImport.readOutputs()
    let origin = try toolImport.origin(of: outputs)
    let repo = try repository.open()
    let parsed: Measurements
    let source: RunSource
    var imported: ImportSummary?
    switch origin {
    case .bursar:
      let (read, format) = try MeasurementsReading(
        path: input.measurements[0], refusal: "cannot record"
      ).parse(outputs[0].bytes)
      (parsed, source) = (
        read, RunSource(tool: "bursar", format: format.rawValue, file: input.measurements[0])
      )
    case .tool(let tool):
      let figures = try toolImport.figures(tool, from: &outputs)
      let (tree, place) = try budgetsOfCommit(
        resolver: RevisionResolver(repository: repo), reader: SnapshotReader(repository: repo))
      let read = try toolImport.measurements(
        tool, of: figures, from: outputs, tree: tree, budgets: place)
      parsed = read.measurements
      source = RunSource(
        tool: tool.rawValue, format: tool.outputFormat,
        file: input.measurements.joined(separator: ", "))
      imported = ImportSummary(tool: tool, mappings: read.mappingPaths, unmapped: read.unmapped)
    }
    let signer = sign.map { key in
      { (message: [UInt8]) throws -> String in
        try ApprovalSigning(keyFile: key, namespace: RunDocument.namespace).sign(
          Data(message), keys: [])
      }
    }
    let request = RecordRun.Request(
      measurements: parsed,
      source: source,
      revision: commit, environment: env.map { EnvironmentName($0) },
      recorder: identity.flatMap(RunRecorder.init(parsing:)), now: Self.now(), sign: signer,
      pushRemote: push)
    let outcome: RecordRun.Outcome
    do throws(RecordRun.Failure) {
      outcome = try RecordRun(repository: repo).record(request)
    } catch {
      throw CommandFailure(error.sentence(commit: commit, remote: push))
    }
    let run = outcome.run
    let figures = run.figureCount == 1 ? "1 figure" : "\(run.figureCount) figures"
    switch outcome.addition {
    case .added(let path, _):
      Console.output(
        "Recorded run \(run.id) of \(outcome.commit.commit.abbreviated) (\(figures), \(run.environment)) at \(path)."
      )
    case .alreadyRecorded(let path):
      Console.output("Run \(run.id) is already recorded at \(path); nothing changed.")
    }
    if let imported {
      Console.output(CheckPresentation.importLines(imported).joined(separator: "\n"))
    }
    guard let sync = outcome.sync else { return }
    if sync.pushed {
      let tries = sync.attempts == 1 ? "" : " after \(sync.attempts) attempts"
      Console.output("Pushed \(RunStore.reference) to \(push ?? "")\(tries).")
    }
    guard sync.conflicts.isEmpty else {
      for path in sync.conflicts {
        Console.error(
          "error: \(path) is recorded with different bytes here and on \(push ?? "the remote"); this clone's was kept, the other stays in the merge commit's second parent"
        )
      }
      throw ExitCode(ExitStatus.couldNotRun)
    }
  }

  /// The budgets tree of the commit recorded, whose mappings read a tool's outputs: the run
  /// is read as the code measured says, whatever the work tree holds. An invalid tree is
  /// refused.
  func budgetsOfCommit(resolver: RevisionResolver, reader: SnapshotReader) throws -> (
    tree: BudgetTree, place: String
  ) {
    let revision: ResolvedRevision
    let tree: BudgetTree
    do throws(LedgerError) {
      revision = try resolver.resolve(commit)
      tree = try reader.snapshot(revision.source).load()
    } catch {
      throw CommandFailure(RecordRun.Failure.revision(error).sentence(commit: commit, remote: push))
    }
    let place = "the budgets of \(revision.source)"
    guard tree.isValid else {
      for diagnostic in tree.diagnostics where diagnostic.severity == .error {
        Console.error(diagnostic.sentence)
      }
      throw CommandFailure(
        "\(place) are invalid (see `bursar validate --rev \(commit)`); nothing was recorded")
    }
    return (tree, place)
  }
}
