import CGit2
import Foundation

/// Reads commits and trees straight from the object database, parsing only what a history walk
/// needs: a commit's tree, parents and time, or one name in a tree (so `lookup(_:inTree:)`
/// and `treeId(inTree:at:)` read one raw tree per folder on the path).
///
/// `commit(_:)` and `level(ofTree:)` build full libgit2 objects (signatures, messages, every
/// entry) and put them in the object cache; a walk over a long history needs a few fields of
/// each commit once, so reading the raw object is several times cheaper and caches nothing.
public final class RawObjectReader: HistoryReading {
  /// Keeps the repository alive, since the object database handle belongs to it.
  private let repository: Repository
  /// The owned `git_odb *`.
  private let odb: OpaquePointer

  init(repository: Repository) throws(GitError) {
    var odb: OpaquePointer?
    try LibGit2.check(git_repository_odb(&odb, repository.handle), "git_repository_odb")
    self.repository = repository
    self.odb = odb!
  }

  deinit {
    git_odb_free(odb)
  }

  /// The tree, parents and committer time of a commit.
  ///
  /// Throws `shallowHistoryMissing` for a commit beyond a shallow clone's cut, like
  /// `Repository.links(of:)`.
  public func links(of commit: Oid) throws(GitError) -> CommitLinks {
    try withObject(commit, type: GIT_OBJECT_COMMIT, expected: "commit") { bytes throws(GitError) in
      guard let links = CommitHeader.parse(bytes, id: commit) else {
        throw .wrongObjectType(commit.hex, expected: "well-formed commit")
      }
      return links
    }
  }

  /// The entry with this name directly in a tree, or nil when there is none.
  public func entry(named name: String, inTree tree: Oid) throws(GitError) -> TreeLevelEntry? {
    let wanted = Array(name.utf8)
    return try withObject(tree, type: GIT_OBJECT_TREE, expected: "tree") { bytes in
      TreeScanner.entry(named: wanted, in: bytes)
    }
  }

  /// Reads an object's raw content and hands it to `body`, freeing it afterwards.
  private func withObject<T>(
    _ id: Oid, type: git_object_t, expected: String,
    _ body: (UnsafeRawBufferPointer) throws(GitError) -> T
  ) throws(GitError) -> T {
    var raw = id.raw
    var object: OpaquePointer?
    try LibGit2.check(git_odb_read(&object, odb, &raw), "git_odb_read") { failure in
      repository.missingObjectError(failure, id: id, expected: expected)
    }
    defer { git_odb_object_free(object) }
    guard git_odb_object_type(object) == type else {
      throw .wrongObjectType(id.hex, expected: expected)
    }
    let bytes = UnsafeRawBufferPointer(
      start: git_odb_object_data(object), count: git_odb_object_size(object))
    return try body(bytes)
  }
}

extension Repository {
  /// A reader of raw commits and trees for long history walks.
  public func rawObjectReader() throws(GitError) -> RawObjectReader {
    try RawObjectReader(repository: self)
  }
}
