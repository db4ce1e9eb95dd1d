import ArgumentParser
import Foundation
import Ledger

/// `bursar export --audit`: `log`'s audit trail as JSON lines, one event a line, along first
/// parents.
extension ExportCommand {
  func exportAudit() throws {
    let repo = try repository.open(forHistoryWalk: true)
    let filter = try filters.filter()
    var sink = ExportSink(file: outputFile)
    let failure: LedgerError?
    do throws(LedgerError) {
      // A walk stopped part-way (a shallow clone) keeps what it read, then fails.
      failure = try AuditTrail.read(range, firstParentOnly: true, in: repo, filter: filter) {
        entries, first in
        let texts = CommitTexts(first)
        for entry in entries { sink.write(LogEntryJSON.text(entry, commit: texts, export: .audit)) }
      }
    } catch {
      throw CommandFailure(error)
    }
    if let failure {
      sink.abandon()
      throw CommandFailure(failure)
    }
    try sink.finish()
  }
}
