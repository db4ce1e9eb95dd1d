import ArgumentParser
import Foundation
import Ledger
import SSHSignatures

/// `bursar export --runs`: the recorded runs as JSON lines, one figure a line.
extension ExportCommand {
  func exportRuns() throws {
    let repo = try repository.open()
    let signers = try loadAllowedSigners(configured: repo.config("gpg.ssh.allowedSignersFile"))
    let scope: ExportRuns.Scope =
      commit.map { .commit($0) } ?? range.map { .history($0) } ?? .all
    let renderer = RunExportRenderer()
    var sink = ExportSink(file: outputFile)
    let tally: ExportRuns.Tally
    do throws(ExportRuns.Failure) {
      tally = try ExportRuns(repository: repo).export(
        scope, allowedSigners: signers,
        body: { item in
          let lines = renderer.render(item)
          if !lines.isEmpty { sink.write(lines) }
        },
        skipped: { skip in Console.error("warning: \(skip)") })
    } catch {
      switch error {
      case .revision(let error):
        throw CommandFailure(
          "cannot export runs of \(commit ?? range ?? "HEAD"): \(error.sentence)")
      case .store(let error):
        throw CommandFailure("cannot export runs: \(error.sentence(remote: nil))")
      }
    }
    try sink.finish()
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
