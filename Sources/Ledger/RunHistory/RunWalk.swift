import GitKit

/// The commits of first-parent history that have recorded runs, newest first: from a head
/// down to the root, or, with a base, only those not reachable from it (`A..B`).
///
/// From a head alone the walk reads each commit's links from the repository's first-parent
/// index when it knows them (`FirstParentIndex`), and records those it reads; the index is
/// saved when the walk reaches the root, or when `finish()` is called after stopping early.
/// A large index is read only once the walk has gone `commitsBeforeLargeIndex` commits deep:
/// reading it costs more than a short walk (`check --against-history`) saves.
public final class RunWalk {
  /// How large an index is read from the start (about 12,000 commits).
  public static let largeIndexBytes = 1 << 20
  /// How many commits a walk reads from git before it reads a large index.
  public static let commitsBeforeLargeIndex = 1_000

  private let reader: any HistoryReading
  /// The repository's index, once in use.
  private var index: FirstParentIndex?
  /// The large index not read yet, and the links read from git meanwhile, for it.
  private var deferred: (index: FirstParentIndex, read: [CommitLinks])?
  private let runs: any RunLookup
  private var next: Oid?
  private var walk: (any CommitWalk)?
  /// The links of the commit `advance()` returned last, when reading its parent read them.
  private var current: CommitLinks?
  /// How many commits were looked at.
  public private(set) var visited = 0

  /// How many commits this walk reads from git before it reads a large index.
  private let commitsBeforeIndex: Int

  /// - Parameters:
  ///   - largeIndexBytes: from what size an index is deferred (`Self.largeIndexBytes`).
  ///   - commitsBeforeLargeIndex: how deep the walk goes before it reads a deferred index.
  public init(
    repository: any ObjectReading, runs: any RunLookup, head: Oid, hiding base: Oid? = nil,
    largeIndexBytes: Int = RunWalk.largeIndexBytes,
    commitsBeforeLargeIndex: Int = RunWalk.commitsBeforeLargeIndex
  ) throws(GitError) {
    self.reader = try repository.historyReader()
    self.runs = runs
    self.commitsBeforeIndex = commitsBeforeLargeIndex
    if base == nil, !runs.isEmpty, let index = repository.firstParentIndex() {
      if index.fileSize > largeIndexBytes {
        deferred = (index, [])
      } else {
        self.index = index
      }
    }
    if let base {
      walk = try repository.commitWalk(
        from: [head], hiding: [base], firstParentOnly: true, order: .time)
    } else {
      next = runs.isEmpty ? nil : head
    }
  }

  /// The next commit with runs, with its runs, or nil at the end of history.
  public func nextCommit() throws(LedgerError) -> (links: CommitLinks, runs: [RunPoint])? {
    guard let links = try nextCommitWithRuns() else { return nil }
    return (links, try runs.runs(at: links.id))
  }

  /// The next commit with runs, its runs not read, or nil at the end of history.
  public func nextCommitWithRuns() throws(LedgerError) -> CommitLinks? {
    while let id = try advance() {
      guard runs.hasRuns(at: id) else { continue }
      if let current { return current }
      return try git { () throws(GitError) in try reader.links(of: id) }
    }
    return nil
  }

  private func advance() throws(LedgerError) -> Oid? {
    if let walk {
      let id = try git { () throws(GitError) in try walk.next() }
      if id != nil { visited += 1 }
      return id
    }
    guard let id = next else {
      finish()
      return nil
    }
    visited += 1
    if let (large, read) = deferred, visited > commitsBeforeIndex {
      for links in read { large.record(links) }
      index = large
      deferred = nil
    }
    let links: CommitLinks
    if let known = index?.links(of: id) {
      links = known
    } else {
      links = try git { () throws(GitError) in try reader.links(of: id) }
      index?.record(links)
      deferred?.read.append(links)
    }
    current = links
    next = links.parentIds.first
    return id
  }

  /// Saves what the walk added to the first-parent index; a walk that stops before the root
  /// calls it. Nothing is said when the index cannot be written: it is only a cache.
  public func finish() {
    index?.save()
  }

  private func git<T>(_ body: () throws(GitError) -> T) throws(LedgerError) -> T {
    do { return try body() } catch { throw .git(error) }
  }
}
