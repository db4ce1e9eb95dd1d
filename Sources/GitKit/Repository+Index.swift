import CGit2
import Foundation

/// Reading the staging area, which is what a pre-commit hook must judge.
extension Repository {
  /// The staged files under a folder of the index, with paths relative to it, and the paths
  /// there that have unresolved conflicts. An empty `prefix` lists the whole index.
  ///
  /// The index is the one git would use: `GIT_INDEX_FILE` when the repository was opened from
  /// a hook's environment (so `git commit -a` and `git commit PATH` are seen as committed),
  /// `.git/index` otherwise. It is re-read when the file changed since the last call.
  public func indexFiles(under prefix: String) throws(GitError) -> IndexListing {
    guard !isBare || indexFromEnvironment else {
      throw .bareRepository(path: gitDirectory)
    }
    var index: OpaquePointer?
    try LibGit2.check(git_repository_index(&index, handle), "git_repository_index")
    defer { git_index_free(index) }
    try LibGit2.check(git_index_read(index, 0), "git_index_read")
    let folder = Self.normalized(prefix)
    let start = folder.isEmpty ? [] : Array((folder + "/").utf8)
    var entries: [TreeEntry] = []
    var conflicted: [String] = []
    for position in 0..<git_index_entrycount(index) {
      // Entries are borrowed from the index: copied here, never freed.
      guard let entry = git_index_get_byindex(index, position)?.pointee,
        let cPath = entry.path
      else { continue }
      let bytes = Array(UnsafeBufferPointer(start: cPath, count: strlen(cPath)))
        .map { UInt8(bitPattern: $0) }
      guard bytes.starts(with: start) else { continue }
      let path = String(decoding: bytes.dropFirst(start.count), as: UTF8.self)
      let stage =
        (UInt32(entry.flags) & UInt32(GIT_INDEX_ENTRY_STAGEMASK))
        >> UInt32(GIT_INDEX_ENTRY_STAGESHIFT)
      if stage != 0 {
        if conflicted.last != path { conflicted.append(path) }
        continue
      }
      let intentToAdd = UInt32(entry.flags_extended) & GIT_INDEX_ENTRY_INTENT_TO_ADD.rawValue
      guard intentToAdd == 0, !TreeEntry.isTree(mode: entry.mode) else { continue }
      entries.append(TreeEntry(path: path, id: Oid(entry.id), mode: entry.mode))
    }
    let checksum = git_index_checksum(index).map { Oid($0.pointee) }
    return IndexListing(entries: entries, conflictedPaths: conflicted, checksum: checksum)
  }
}
