import Foundation
import GitKit

/// Git objects held in memory, made by tests and read through `ObjectReading` with no
/// repository on disk.
///
/// As in git, equal content gets the same id: a folder left unchanged by a commit keeps its
/// tree id, and an unchanged file its blob id, which is what history walks and parse caches
/// rely on. Ids are not SHA-1 hashes of the content; they are handed out in order of creation.
/// Reads are counted, so a test can check what a reader skipped.
public final class InMemoryObjectStore: ObjectReading {
  /// How many objects of each kind were read.
  public struct ReadCounts: Hashable, Sendable {
    /// Trees whose entries were listed or searched for a name.
    public var trees = 0
    /// Blobs whose content was read.
    public var blobs = 0
    /// Commits read whole or for their links.
    public var commits = 0

    /// Counts from their parts.
    public init(trees: Int = 0, blobs: Int = 0, commits: Int = 0) {
      self.trees = trees
      self.blobs = blobs
      self.commits = commits
    }
  }

  var blobs: [Oid: [UInt8]] = [:]
  var trees: [Oid: [TreeLevelEntry]] = [:]
  var commits: [Oid: CommitInfo] = [:]
  var blobIds: [[UInt8]: Oid] = [:]
  var treeIds: [[TreeLevelEntry]: Oid] = [:]
  var nextId: UInt64 = 1
  /// Branch and tag names, and `HEAD`, with the commits they name.
  public internal(set) var references: [String: Oid] = [:]
  /// The reads made so far.
  public internal(set) var reads = ReadCounts()

  /// An empty store.
  public init() {}

  /// Forgets the reads counted so far.
  public func resetReads() {
    reads = ReadCounts()
  }

  /// Resolves `HEAD`, a reference name, a full id or a unique id prefix of at least four
  /// digits; anything else is `GitError.unknownRevision`.
  public func resolveCommit(_ revision: String) throws(GitError) -> Oid {
    if let id = references[revision] { return id }
    if let id = Oid(hex: revision), commits[id] != nil { return id }
    let prefix = revision.lowercased()
    let matches = prefix.count >= 4 ? commits.keys.filter { $0.hex.hasPrefix(prefix) } : []
    if matches.count > 1 { throw .ambiguousRevision(revision) }
    guard let id = matches.first else { throw .unknownRevision(revision) }
    return id
  }

  public func commit(_ id: Oid) throws(GitError) -> CommitInfo {
    guard let commit = commits[id] else { throw .objectNotFound(id) }
    reads.commits += 1
    return commit
  }

  public func links(of commit: Oid) throws(GitError) -> CommitLinks {
    let info = try self.commit(commit)
    return CommitLinks(
      id: info.id, treeId: info.treeId, parentIds: info.parentIds,
      committerTime: info.committer.time)
  }

  public func level(ofTree treeId: Oid) throws(GitError) -> [TreeLevelEntry] {
    guard let entries = trees[treeId] else { throw .objectNotFound(treeId) }
    reads.trees += 1
    return entries
  }

  public func entry(named name: String, inTree tree: Oid) throws(GitError) -> TreeLevelEntry? {
    try level(ofTree: tree).first { $0.name == name }
  }

  public func blob(_ id: Oid, maxSize: Int, path: String?) throws(GitError) -> Data {
    guard let bytes = blobs[id] else { throw .objectNotFound(id) }
    guard bytes.count <= maxSize else {
      throw .blobTooLarge(path: path ?? id.hex, size: bytes.count, limit: maxSize)
    }
    reads.blobs += 1
    return Data(bytes)
  }

  public func commitWalk(
    from heads: [Oid], hiding: [Oid], firstParentOnly: Bool, order: RevWalk.Order
  ) throws(GitError) -> any CommitWalk {
    let hidden = try reachable(from: hiding, firstParentOnly: false)
    let shown = try reachable(from: heads, firstParentOnly: firstParentOnly).filter {
      !hidden.contains($0)
    }
    return InMemoryCommitWalk(ids: try newestFirst(shown, firstParentOnly: firstParentOnly))
  }

  /// Every commit reachable from `heads`, the heads included, in the order first met.
  private func reachable(from heads: [Oid], firstParentOnly: Bool) throws(GitError) -> [Oid] {
    var seen = Set<Oid>()
    var order: [Oid] = []
    var pending = heads
    while let id = pending.popLast() {
      guard seen.insert(id).inserted else { continue }
      guard let commit = commits[id] else { throw .objectNotFound(id) }
      order.append(id)
      let parents = firstParentOnly ? Array(commit.parentIds.prefix(1)) : commit.parentIds
      pending.append(contentsOf: parents.reversed())
    }
    return order
  }

  /// The commits with none before any of its children, the newest first among those ready,
  /// as `git rev-list --date-order` gives them.
  private func newestFirst(_ ids: [Oid], firstParentOnly: Bool) throws(GitError) -> [Oid] {
    let members = Set(ids)
    var waitingChildren: [Oid: Int] = [:]
    for id in ids {
      let parents = commits[id]!.parentIds
      for parent in firstParentOnly ? Array(parents.prefix(1)) : parents
      where members.contains(parent) {
        waitingChildren[parent, default: 0] += 1
      }
    }
    var ready = ids.filter { waitingChildren[$0, default: 0] == 0 }
    var result: [Oid] = []
    while !ready.isEmpty {
      let index = ready.indices.max {
        commits[ready[$0]]!.committer.time < commits[ready[$1]]!.committer.time
      }!
      let id = ready.remove(at: index)
      result.append(id)
      let parents = commits[id]!.parentIds
      for parent in firstParentOnly ? Array(parents.prefix(1)) : parents
      where members.contains(parent) {
        waitingChildren[parent]! -= 1
        if waitingChildren[parent] == 0 { ready.append(parent) }
      }
    }
    return result
  }
}

/// A walk over ids listed in advance.
final class InMemoryCommitWalk: CommitWalk {
  private var remaining: ArraySlice<Oid>

  init(ids: [Oid]) {
    remaining = ids[...]
  }

  func next() throws(GitError) -> Oid? {
    remaining.popFirst()
  }
}
