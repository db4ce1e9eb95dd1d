import ArgumentParser
import Foundation
import Ledger

/// `bursar runs`: the recorded runs' reference, shared with a remote.
struct RunsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "runs",
    abstract: "Share recorded runs (refs/bursar/runs) with a remote.",
    subcommands: [RunsSyncCommand.self, RunsMergeCommand.self])
}

/// `bursar runs sync REMOTE`: fetch, merge and push the runs, as `record --push` does after
/// recording.
struct RunsSyncCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sync",
    abstract: "Fetch the remote's runs, merge them into refs/bursar/runs and push.",
    discussion: """
      Fetches +refs/bursar/runs:refs/bursar/remote-runs, merges it (every run of both sides is \
      kept), and pushes refs/bursar/runs; a push rejected because another clone pushed first \
      starts again from the fetch, up to 10 times. Exit 2 when it could not push, or when a run \
      is recorded with different bytes on both sides (both are kept).
      """)

  @OptionGroup var repository: RepositoryOptions

  @Argument(help: ArgumentHelp("A remote's name, URL or path.", valueName: "remote"))
  var remote: String

  func run() throws {
    let repo = try repository.open()
    let writer = RunWriter(configuredIn: repo, at: RecordCommand.now())
    let outcome: RunSync.Outcome
    do throws(RunStoreError) {
      outcome = try RunSync(writer: writer, remote: remote).run()
    } catch {
      throw CommandFailure("cannot sync runs with \(remote): \(error.sentence(remote: remote))")
    }
    if outcome.pushed {
      let tries = outcome.attempts == 1 ? "" : " after \(outcome.attempts) attempts"
      Console.output("Pushed \(RunStore.reference) to \(remote)\(tries).")
    } else {
      Console.output("No runs are recorded here or on \(remote); nothing to push.")
    }
    guard outcome.conflicts.isEmpty else {
      for path in outcome.conflicts {
        Console.error(
          "error: \(path) is recorded with different bytes here and on \(remote); this clone's was kept, the other stays in the merge commit's second parent"
        )
      }
      throw ExitCode(ExitStatus.couldNotRun)
    }
  }
}

/// `bursar runs merge [REF]`: merge runs fetched with git into `refs/bursar/runs`.
struct RunsMergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Merge fetched runs (default: refs/bursar/remote-runs) into refs/bursar/runs.",
    discussion: """
      For CI jobs that fetch and push with git itself: after \
      `git fetch origin +refs/bursar/runs:refs/bursar/remote-runs`, merges that reference into \
      refs/bursar/runs (every run of both sides is kept), ready for \
      `git push origin refs/bursar/runs`. Nothing happens when the reference does not exist. \
      Exit 2 when a run is recorded with different bytes on both sides (both are kept).
      """)

  @OptionGroup var repository: RepositoryOptions

  @Argument(help: ArgumentHelp("The fetched runs' reference.", valueName: "ref"))
  var reference = RunSync.fetchedReference

  func run() throws {
    let repo = try repository.open()
    let writer = RunWriter(configuredIn: repo, at: RecordCommand.now())
    let merged: RunWriter.Merge?
    do throws(RunStoreError) {
      merged = try writer.merge(reference: reference)
    } catch {
      throw CommandFailure("cannot merge \(reference): \(error.sentence(remote: nil))")
    }
    guard let merge = merged else {
      Console.output("No \(reference) here; nothing to merge.")
      return
    }
    Console.output("Merged \(reference) into \(RunStore.reference).")
    guard merge.conflicts.isEmpty else {
      for path in merge.conflicts {
        Console.error(
          "error: \(path) is recorded with different bytes here and in \(reference); this clone's was kept, the other stays in the merge commit's second parent"
        )
      }
      throw ExitCode(ExitStatus.couldNotRun)
    }
  }
}
