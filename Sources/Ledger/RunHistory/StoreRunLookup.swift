import BudgetKit
import GitKit
import Measurements

/// The runs of a `RunStore`, listed once from its trees (no run is read until asked for), so a
/// walk over a long history asks each commit for its runs without a tree read.
public final class StoreRunLookup: RunLookup {
  public let store: RunStore
  private let byCommit: [Oid: [StoredRun]]
  /// The stored runs that could not be read, in the order met.
  public private(set) var skipped: [RunSkip]
  /// When set, each run is read with that budget's figures alone, its id unchecked: what
  /// `history` of one budget needs, at a fraction of a full read.
  public var onlyBudget: BudgetName?

  public init(store: RunStore) throws(LedgerError) {
    self.store = store
    let listed: (runs: [StoredRun], skips: [RunSkip])
    do { listed = try store.allEntries() } catch {
      throw .unreadable(path: RunStore.reference, reason: "\(error)")
    }
    var byCommit: [Oid: [StoredRun]] = [:]
    for run in listed.runs { byCommit[run.commit, default: []].append(run) }
    self.byCommit = byCommit
    self.skipped = listed.skips
  }

  private init(store: RunStore, byCommit: [Oid: [StoredRun]], onlyBudget: BudgetName?) {
    self.store = store
    self.byCommit = byCommit
    self.skipped = []
    self.onlyBudget = onlyBudget
  }

  /// The same runs, read from `store` (the same runs reference through another handle on the
  /// repository), with none skipped yet.
  public func reading(through store: RunStore) -> StoreRunLookup {
    StoreRunLookup(store: store, byCommit: byCommit, onlyBudget: onlyBudget)
  }

  public func drainSkips() -> [RunSkip] {
    defer { skipped = [] }
    return skipped
  }

  public func absorb(_ skips: [RunSkip]) { skipped += skips }

  public var isEmpty: Bool { byCommit.isEmpty }

  public var commitCount: Int? { byCommit.count }

  public func hasRuns(at commit: Oid) -> Bool { byCommit[commit] != nil }

  /// The runs of a commit, oldest first (by when they were recorded); those that cannot be
  /// read are kept in `skipped`.
  public func runs(at commit: Oid) throws(LedgerError) -> [RunPoint] {
    var points: [RunPoint] = []
    for entry in byCommit[commit] ?? [] {
      switch store.read(entry, checkingCommit: false, only: onlyBudget) {
      case .run(_, let run): points.append(RunPoint(run: run, commit: commit))
      case .skipped(let skip): skipped.append(skip)
      }
    }
    return points.sorted { ($0.run.recordedAt, $0.id) < ($1.run.recordedAt, $1.id) }
  }
}
