import ArgumentParser
import Foundation
import Ledger
import SSHSignatures

/// `bursar export`: what bursar keeps, in a form other tools read. One output per invocation.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export what bursar keeps for other tools.",
    discussion: """
      --runs writes the recorded runs (refs/bursar/runs) as JSON lines, one figure a line \
      with its run's fields (docs/json.md#export---runs): every run, those of --commit, or \
      those along the first-parent --history of REV or A..B. A run that cannot be read is \
      named on standard error and skipped; exit 2 when runs were skipped and none was read, \
      or the runs reference cannot be read at all.
      """)

  @OptionGroup var repository: RepositoryOptions

  @Flag(name: .long, help: "Recorded runs as JSON lines, one figure a line.")
  var runs = false

  @Option(
    name: .long, help: ArgumentHelp("Only the runs of this commit.", valueName: "rev"))
  var commit: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Only the runs along the first parents of REV, or of B down to A for A..B.",
      valueName: "range"))
  var history: String?

  @Option(
    name: .customLong("allowed-signers"),
    help: ArgumentHelp(
      "An ssh-keygen allowed-signers file: runs signed by its keys are `trusted` (default: git's gpg.ssh.allowedSignersFile).",
      valueName: "file"))
  var allowedSigners: String?

  func validate() throws {
    guard runs else { throw ValidationError("say what to export: --runs") }
    if commit != nil && history != nil {
      throw ValidationError("give --commit or --history, not both")
    }
  }

  func run() throws {
    let repo = try repository.open()
    let signers = try loadAllowedSigners(configured: repo.config("gpg.ssh.allowedSignersFile"))
    let scope: ExportRuns.Scope =
      commit.map { .commit($0) } ?? history.map { .history($0) } ?? .all
    let renderer = RunExportRenderer()
    let tally: ExportRuns.Tally
    do throws(ExportRuns.Failure) {
      tally = try ExportRuns(repository: repo).export(
        scope, allowedSigners: signers,
        body: { item in
          let lines = renderer.render(item)
          if !lines.isEmpty { Console.output(lines) }
        },
        skipped: { skip in Console.error("warning: \(skip)") })
    } catch {
      switch error {
      case .revision(let error):
        throw CommandFailure(
          "cannot export runs of \(commit ?? history ?? "HEAD"): \(error.sentence)")
      case .store(let error):
        throw CommandFailure("cannot export runs: \(error.sentence(remote: nil))")
      }
    }
    if tally.runs == 0 && tally.skipped > 0 {
      throw CommandFailure(
        "cannot export runs: all \(tally.skipped) stored runs were skipped (see above)")
    }
  }

  private func loadAllowedSigners(configured: String?) throws -> SSHAllowedSigners? {
    guard let path = allowedSigners ?? configured else { return nil }
    let expanded = NSString(string: path).expandingTildeInPath
    guard let data = FileManager.default.contents(atPath: expanded) else {
      throw CommandFailure("cannot read the allowed-signers file \(path)")
    }
    do {
      return try SSHAllowedSigners(parsing: String(decoding: data, as: UTF8.self))
    } catch {
      throw CommandFailure("\(path):\(error.line): \(error.message)")
    }
  }
}
