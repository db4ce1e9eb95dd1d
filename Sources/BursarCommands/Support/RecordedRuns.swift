import Ledger

/// The recorded runs of the repository the history commands read, opened once, with the
/// command line's words for what cannot be read.
struct RecordedRuns {
  let lookup: StoreRunLookup
  /// The same runs as the baselines and drift references budgets pin to them are read.
  let references: StoreRecordedRuns

  /// Opens the runs with `open` (`{ try RunStore(repository: repo) }`), in the command
  /// line's words when they cannot be read.
  init(opening open: () throws(RunStoreError) -> RunStore) throws {
    let store: RunStore
    do throws(RunStoreError) {
      store = try open()
    } catch {
      throw CommandFailure("cannot read \(RunStore.reference): \(error.sentence(remote: nil))")
    }
    do throws(LedgerError) {
      lookup = try StoreRunLookup(store: store)
      references = StoreRecordedRuns(store: store)
    } catch {
      throw CommandFailure(error)
    }
  }

  /// One warning on standard error for the stored runs that could not be read, if any.
  func warnAboutSkips() {
    let skipped = lookup.skipped
    guard let first = skipped.first else { return }
    let more = skipped.count > 1 ? " (and \(skipped.count - 1) more)" : ""
    Console.error(
      "warning: \(skipped.count) recorded run\(skipped.count == 1 ? "" : "s") could not be read and \(skipped.count == 1 ? "was" : "were") left out: \(first)\(more)"
    )
  }
}
