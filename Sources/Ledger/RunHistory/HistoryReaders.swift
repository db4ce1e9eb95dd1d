import GitKit
import Measurements

/// What one part of a history walk reads through: the repository's objects, the recorded runs
/// and the runs baselines are pinned to. libgit2 serves a repository handle to one thread at a
/// time, so a part read on a thread of its own has readers of its own.
public struct HistoryReaders {
  public var objects: any ObjectReading
  public var runs: any RunLookup
  public var references: (any RecordedRunSource)?

  public init(
    objects: any ObjectReading, runs: any RunLookup, references: (any RecordedRunSource)?
  ) {
    self.objects = objects
    self.runs = runs
    self.references = references
  }

  /// Readers on a second handle on `repository`, for the runs `lookup` lists, as `lookup` reads
  /// them; nil when the repository or its runs cannot be opened again (the walk then reads on
  /// one thread).
  public static func reopening(_ repository: Repository, lookup: StoreRunLookup)
    -> HistoryReaders?
  {
    guard let again = try? repository.reopened(),
      let store = try? RunStore(reader: again, tip: lookup.store.tip)
    else { return nil }
    return HistoryReaders(
      objects: again, runs: lookup.reading(through: store),
      references: StoreRecordedRuns(store: store))
  }
}
