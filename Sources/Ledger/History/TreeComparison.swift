import GitKit

/// The files that differ between two trees, found by comparing ids level by level: a folder
/// whose id is the same on both sides is skipped without being read, and no blob is read.
struct TreeComparison {
  let repository: Repository

  /// The changed files; a nil tree is an empty one.
  func changes(from old: Oid?, to new: Oid?) throws(GitError) -> [FileChange] {
    var changes: [FileChange] = []
    try compare(old, new, prefix: "", into: &changes)
    return changes
  }

  private func compare(_ old: Oid?, _ new: Oid?, prefix: String, into changes: inout [FileChange])
    throws(GitError)
  {
    guard old != new else { return }
    let before = try old.map { id throws(GitError) in try repository.level(ofTree: id) } ?? []
    let after = try new.map { id throws(GitError) in try repository.level(ofTree: id) } ?? []
    let oldByName = Dictionary(before.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    let newByName = Dictionary(after.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    let names = Set(oldByName.keys).union(newByName.keys).sorted()
    for name in names {
      let path = prefix.isEmpty ? name : prefix + "/" + name
      let was = oldByName[name]
      let now = newByName[name]
      if was?.id == now?.id && was?.mode == now?.mode { continue }
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
