import Foundation

/// The reading of git objects the budget history needs: revisions, commits, trees, blobs and
/// walks over history.
///
/// `Repository` is the libgit2 implementation; tests can read an object store held in memory
/// instead. Listing a tree and comparing two trees have default implementations built on
/// `level(ofTree:)`, which `Repository` replaces with faster libgit2 ones.
public protocol ObjectReading: HistoryReading {
  /// Resolves a revision (a branch, a tag, an id...) to a commit.
  func resolveCommit(_ revision: String) throws(GitError) -> Oid

  /// A copy of the commit with this id.
  func commit(_ id: Oid) throws(GitError) -> CommitInfo

  /// The entries of one tree, not descending into folders, in tree order.
  func level(ofTree treeId: Oid) throws(GitError) -> [TreeLevelEntry]

  /// Every file under a tree, recursively, with paths relative to it, in `git ls-tree -r`
  /// order. Folders themselves are not listed; submodules are, with their commit id.
  func files(inTree treeId: Oid) throws(GitError) -> [TreeEntry]

  /// The names whose entries differ between two trees at one level, in tree order; a nil tree
  /// is an empty one.
  func levelChanges(from old: Oid?, to new: Oid?) throws(GitError) -> [TreeLevelChange]

  /// The content of a blob, refused with `GitError.blobTooLarge` before reading when it is
  /// larger than `maxSize` bytes. `path` only names the file in that error.
  func blob(_ id: Oid, maxSize: Int, path: String?) throws(GitError) -> Data

  /// `blob(_:maxSize:path:)` as bytes, for readers that parse them: a repository copies them
  /// once, out of libgit2's buffer.
  func blobBytes(_ id: Oid, maxSize: Int, path: String?) throws(GitError) -> [UInt8]

  /// A walk over the commits reachable from `heads` but not from `hiding`, like
  /// `git rev-list heads ^hiding` (with `--first-parent` when asked).
  func commitWalk(
    from heads: [Oid], hiding: [Oid], firstParentOnly: Bool, order: RevWalk.Order
  ) throws(GitError) -> any CommitWalk

  /// The reader a long history walk should use for its per-commit reads.
  func historyReader() throws(GitError) -> any HistoryReading

  /// The persistent record of commits' links a first-parent walk may read instead of the
  /// commits, or nil where there is none or it must not be used (see `FirstParentIndex`).
  func firstParentIndex() -> FirstParentIndex?

  /// The persistent record of the folder at `folderPath` in each tree, which a long walk may
  /// read instead of each commit's root tree, or nil where there is none (see `FolderIndex`).
  func folderIndex(for folderPath: String) -> FolderIndex?
}

extension ObjectReading {
  public func blobBytes(_ id: Oid, maxSize: Int, path: String?) throws(GitError) -> [UInt8] {
    [UInt8](try blob(id, maxSize: maxSize, path: path))
  }

  /// Every file under a tree, read level by level.
  public func files(inTree treeId: Oid) throws(GitError) -> [TreeEntry] {
    var entries: [TreeEntry] = []
    try appendFiles(ofTree: treeId, prefix: "", to: &entries)
    return entries
  }

  private func appendFiles(
    ofTree treeId: Oid, prefix: String, to entries: inout [TreeEntry]
  ) throws(GitError) {
    for entry in try level(ofTree: treeId) {
      let path = prefix.isEmpty ? entry.name : prefix + "/" + entry.name
      if entry.isTree {
        try appendFiles(ofTree: entry.id, prefix: path, to: &entries)
      } else {
        entries.append(entry.file(at: path))
      }
    }
  }

  /// The names whose entries differ between two trees, found by walking both levels in order.
  public func levelChanges(from old: Oid?, to new: Oid?) throws(GitError) -> [TreeLevelChange] {
    guard old != new else { return [] }
    let before = try old.map { id throws(GitError) in try level(ofTree: id) } ?? []
    let after = try new.map { id throws(GitError) in try level(ofTree: id) } ?? []
    var changes: [TreeLevelChange] = []
    var (i, j) = (0, 0)
    while i < before.count || j < after.count {
      let order =
        i == before.count ? 1 : j == after.count ? -1 : TreeLevelEntry.order(before[i], after[j])
      if order < 0 {
        changes.append(TreeLevelChange(name: before[i].name, old: before[i], new: nil))
        i += 1
      } else if order > 0 {
        changes.append(TreeLevelChange(name: after[j].name, old: nil, new: after[j]))
        j += 1
      } else {
        if before[i].id != after[j].id || before[i].mode != after[j].mode {
          changes.append(TreeLevelChange(name: before[i].name, old: before[i], new: after[j]))
        }
        i += 1
        j += 1
      }
    }
    return changes
  }

  /// The reader itself, for implementations without a faster one.
  public func historyReader() throws(GitError) -> any HistoryReading { self }

  /// No index by default: every commit is read.
  public func firstParentIndex() -> FirstParentIndex? { nil }

  /// No folder index by default: every root tree is read.
  public func folderIndex(for folderPath: String) -> FolderIndex? { nil }

  /// A walk over history with `Repository.revWalk`'s defaults: all parents, no commit
  /// before its children. On a `Repository` its own `revWalk` (a `RevWalk`) is chosen.
  public func revWalk(
    from heads: [Oid], hiding: [Oid] = [], firstParentOnly: Bool = false,
    order: RevWalk.Order = .topological
  ) throws(GitError) -> any CommitWalk {
    try commitWalk(from: heads, hiding: hiding, firstParentOnly: firstParentOnly, order: order)
  }
}
