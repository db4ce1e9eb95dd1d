import CGit2
import Foundation

/// Writing blobs and trees: what a caller that keeps its own data in git objects needs.
extension Repository {
  /// The git file mode of a regular file.
  public static let fileMode: UInt32 = 0o100644

  /// Stores `bytes` as a blob and returns its id (the object is written once, however often).
  public func writeBlob(_ bytes: [UInt8]) throws(GitError) -> Oid {
    var id = git_oid()
    let code = bytes.withUnsafeBytes { buffer in
      git_blob_create_from_buffer(&id, handle, buffer.baseAddress, buffer.count)
    }
    try LibGit2.check(code, "git_blob_create_from_buffer")
    return Oid(id)
  }

  /// A tree holding exactly `entries` (one level; folders are given by their tree ids).
  public func writeTree(_ entries: [TreeLevelEntry]) throws(GitError) -> Oid {
    var builder: OpaquePointer?
    try LibGit2.check(git_treebuilder_new(&builder, handle, nil), "git_treebuilder_new")
    defer { git_treebuilder_free(builder) }
    for entry in entries {
      var raw = entry.id.raw
      try LibGit2.check(
        git_treebuilder_insert(nil, builder, entry.name, &raw, git_filemode_t(entry.mode)),
        "git_treebuilder_insert")
    }
    var id = git_oid()
    try LibGit2.check(git_treebuilder_write(&id, builder), "git_treebuilder_write")
    return Oid(id)
  }

  /// The tree `base` (or an empty tree) with the blob `blob` at `path` (`a/b/c.json`), the
  /// folders on the way created or replaced; the result is written and its id returned.
  public func tree(_ base: Oid?, insertingBlob blob: Oid, at path: String) throws(GitError) -> Oid {
    let baseline: Oid
    if let base { baseline = base } else { baseline = try writeTree([]) }
    return try withTree(baseline) { tree throws(GitError) in
      var id = git_oid()
      let code = path.withCString { cPath in
        var update = git_tree_update(
          action: GIT_TREE_UPDATE_UPSERT, id: blob.raw,
          filemode: git_filemode_t(Self.fileMode), path: cPath)
        return git_tree_create_updated(&id, handle, tree, 1, &update)
      }
      try LibGit2.check(code, "git_tree_create_updated")
      return Oid(id)
    }
  }
}
