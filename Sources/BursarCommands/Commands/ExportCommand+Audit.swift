import ArgumentParser
import Foundation
import Ledger

/// `bursar export --audit`: `log`'s audit trail as JSON lines, one event a line, along first
/// parents.
extension ExportCommand {
  func exportAudit() throws {
    let repo = try repository.open(forHistoryWalk: true)
    let filter = try filters.filter()
    let scope: HistoryScope?
    do {
      scope = try RevisionResolver(repository: repo).scope(range, firstParentOnly: true)
    } catch {
      throw CommandFailure(error)
    }
    var sink = ExportSink(file: outputFile)
    var failure: CommandFailure?
    if let scope {
      do {
        let trail = try AuditTrail(repository: repo, scope: scope)
        while let commit = try trail.next() {
          guard let first = commit.entries.first else { continue }
          let texts = CommitTexts(first)
          for entry in commit.entries where filter.includes(entry) {
            sink.write(LogEntryJSON.text(entry, commit: texts, export: .audit))
          }
        }
      } catch {
        // A walk stopped part-way (a shallow clone) keeps what it read, then fails.
        guard case .git = error else { throw CommandFailure(error) }
        failure = CommandFailure(error)
      }
    }
    if let failure {
      sink.abandon()
      throw failure
    }
    try sink.finish()
  }
}
