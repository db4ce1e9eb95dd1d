import CGit2
import Foundation

/// Reading file contents, with a size check that never loads an oversized blob.
extension Repository {
  /// The size in bytes of a blob, read from the object header without loading the content.
  public func blobSize(_ id: Oid) throws(GitError) -> Int {
    var odb: OpaquePointer?
    try LibGit2.check(git_repository_odb(&odb, handle), "git_repository_odb")
    defer { git_odb_free(odb) }
    var raw = id.raw
    var size = 0
    var type = GIT_OBJECT_ANY
    try LibGit2.check(git_odb_read_header(&size, &type, odb, &raw), "git_odb_read_header") {
      missingObjectError($0, id: id, expected: "blob")
    }
    guard type == GIT_OBJECT_BLOB else {
      throw .wrongObjectType(id.hex, expected: "blob")
    }
    return size
  }

  /// The content of a blob, refused with `GitError.blobTooLarge` before reading when it is
  /// larger than `maxSize` bytes. `path` only names the file in that error.
  public func blob(_ id: Oid, maxSize: Int, path: String? = nil) throws(GitError) -> Data {
    try withBlob(id, maxSize: maxSize, path: path) { Data($0) }
  }

  public func blobBytes(_ id: Oid, maxSize: Int, path: String? = nil) throws(GitError)
    -> [UInt8]
  {
    try withBlob(id, maxSize: maxSize, path: path) { [UInt8]($0) }
  }

  /// Reads a blob after checking its size, and hands `copy` its content while libgit2 holds it.
  private func withBlob<Content>(
    _ id: Oid, maxSize: Int, path: String?, copy: (UnsafeRawBufferPointer) -> Content
  ) throws(GitError) -> Content {
    let size = try blobSize(id)
    guard size <= maxSize else {
      throw .blobTooLarge(path: path ?? id.hex, size: size, limit: maxSize)
    }
    var raw = id.raw
    var blob: OpaquePointer?
    try LibGit2.check(git_blob_lookup(&blob, handle, &raw), "git_blob_lookup") {
      missingObjectError($0, id: id, expected: "blob")
    }
    defer { git_blob_free(blob) }
    let count = Int(git_blob_rawsize(blob))
    guard count > 0, let content = git_blob_rawcontent(blob) else {
      return copy(UnsafeRawBufferPointer(start: nil, count: 0))
    }
    return copy(UnsafeRawBufferPointer(start: content, count: count))
  }
}
