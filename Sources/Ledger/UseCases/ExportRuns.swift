import GitKit
import Measurements
import SSHSignatures

/// `export --runs`: the recorded runs of every commit, of one commit, or of a first-parent
/// history, read one at a time and handed on with their signature status.
public struct ExportRuns {
  public var repository: Repository
  public var reference = RunStore.reference

  public init(repository: Repository) {
    self.repository = repository
  }

  /// Which runs.
  public enum Scope {
    case all
    case commit(String)
    /// `REV` (its first-parent history) or `A..B` (B's first parents down to A).
    case history(String)
  }

  /// One run read, with what its signature says.
  public struct Item {
    public var stored: StoredRun
    public var run: RecordedRun
    public var signature: RunSignatureStatus
  }

  /// How many runs were handed on and how many skipped.
  public struct Tally: Sendable, Equatable {
    public var runs = 0
    public var skipped = 0
  }

  public enum Failure: Error {
    case revision(LedgerError)
    case store(RunStoreError)
  }

  /// Hands each run to `body` and each skip to `skipped`, in commit then file-name order (newest
  /// commit first for a history).
  public func export(
    _ scope: Scope, allowedSigners: SSHAllowedSigners?, body: (Item) -> Void,
    skipped: (RunSkip) -> Void
  ) throws(Failure) -> Tally {
    let store: RunStore
    do { store = try RunStore(repository: repository, reference: reference) } catch {
      throw .store(error)
    }
    var tally = Tally()
    var entries: [StoredRun] = []
    var checkCommits = true
    var commit: Oid?
    var range: RevisionRange?
    switch scope {
    case .all: break
    case .commit(let revision): commit = try resolve(revision)
    case .history(let spec):
      do { range = try RevisionResolver(repository: repository).range(spec) } catch {
        throw .revision(error)
      }
    }
    do throws(RunStoreError) {
      if let commit {
        entries = try store.entries(forCommit: commit)
        checkCommits = false
      } else if let range {
        entries = try store.firstParentHistory(from: range.to, until: range.from).flatMap(\.runs)
        checkCommits = false
      } else {
        let listing = try store.allEntries()
        entries = listing.runs
        for skip in listing.skips {
          tally.skipped += 1
          skipped(skip)
        }
      }
    } catch {
      throw .store(error)
    }
    for entry in entries {
      switch store.read(entry, checkingCommit: checkCommits) {
      case .run(let stored, let run):
        tally.runs += 1
        body(
          Item(
            stored: stored, run: run,
            signature: RunSignatureStatus.of(run, allowedSigners: allowedSigners)))
      case .skipped(let skip):
        tally.skipped += 1
        skipped(skip)
      }
    }
    return tally
  }

  private func resolve(_ revision: String) throws(Failure) -> Oid {
    do { return try RevisionResolver(repository: repository).resolve(revision).commit } catch {
      throw .revision(error)
    }
  }
}
