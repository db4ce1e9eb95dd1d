import BudgetKit
import GitKit
import Measurements

/// The recorded runs of a `RunStore` as `check` asks for them by id or by commit, when a budget
/// names one as a baseline or drift reference. The store is listed once, on the first ask, and
/// each run is read (its id checked against its content) when asked for.
public final class StoreRecordedRuns: RecordedRunSource {
  public let store: RunStore
  private var listed: [StoredRun]?

  public init(store: RunStore) {
    self.store = store
  }

  /// The recorded runs of `repository`; none when no run was ever recorded.
  public convenience init(repository: Repository) throws(LedgerError) {
    let store: RunStore
    do { store = try RunStore(repository: repository) } catch {
      throw .unreadable(path: RunStore.reference, reason: "\(error)")
    }
    self.init(store: store)
  }

  public func run(_ id: RunID) throws(ReferenceProblem) -> RecordedRun? {
    guard let entry = try entries().first(where: { $0.id == id }) else { return nil }
    return try read(entry)
  }

  public func runs(atCommit commit: String) throws(ReferenceProblem) -> [RecordedRun] {
    guard let oid = Oid(hex: commit) else { return [] }
    let found: [StoredRun]
    do { found = try store.entries(forCommit: oid) } catch {
      throw ReferenceProblem("cannot read \(RunStore.reference): \(error)")
    }
    var runs: [RecordedRun] = []
    for entry in found { runs.append(try read(entry)) }
    return runs.sorted { ($0.recordedAt, $0.id) < ($1.recordedAt, $1.id) }
  }

  private func entries() throws(ReferenceProblem) -> [StoredRun] {
    if let listed { return listed }
    let all: [StoredRun]
    do { all = try store.allEntries().runs } catch {
      throw ReferenceProblem("cannot read \(RunStore.reference): \(error)")
    }
    listed = all
    return all
  }

  /// A named run that cannot be read is an error, never left out: the figure it stands for
  /// would be judged against nothing.
  private func read(_ entry: StoredRun) throws(ReferenceProblem) -> RecordedRun {
    switch store.read(entry) {
    case .run(_, let run): return run
    case .skipped(let skip): throw ReferenceProblem("the recorded run cannot be read: \(skip)")
    }
  }
}
