import GitKit

/// The files that differ between two trees, found by comparing ids level by level: a folder
/// whose id is the same on both sides is skipped without being read, and no blob is read.
struct TreeComparison {
  let repository: any ObjectReading

  /// The changed files; a nil tree is an empty one.
  func changes(from old: Oid?, to new: Oid?) throws(GitError) -> [FileChange] {
    var changes: [FileChange] = []
    try compare(old, new, prefix: "", into: &changes)
    return changes
  }

  private func compare(_ old: Oid?, _ new: Oid?, prefix: String, into changes: inout [FileChange])
    throws(GitError)
  {
    for change in try repository.levelChanges(from: old, to: new) {
      let path = prefix.isEmpty ? change.name : prefix + "/" + change.name
      let was = change.old
      let now = change.new
      // A folder on either side is compared as a folder; a file on either side as a file.
      let oldTree = was?.isTree == true ? was?.id : nil
      let newTree = now?.isTree == true ? now?.id : nil
      if oldTree != nil || newTree != nil {
        try compare(oldTree, newTree, prefix: path, into: &changes)
      }
      let oldFile = was.flatMap { $0.isTree ? nil : $0.file(at: path) }
      let newFile = now.flatMap { $0.isTree ? nil : $0.file(at: path) }
      if oldFile != nil || newFile != nil {
        changes.append(FileChange(path: path, old: oldFile, new: newFile))
      }
    }
  }
}
