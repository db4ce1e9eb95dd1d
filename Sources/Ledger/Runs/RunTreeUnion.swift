import GitKit

/// The union of two runs trees: every file of either, folders merged level by level, reading
/// only folders whose ids differ. A path both hold with different blobs is a conflict: the
/// first tree's blob is kept and the path reported, so nothing is overwritten.
struct RunTreeUnion {
  var repository: Repository

  struct Conflict: Equatable {
    var path: String
    var kept: Oid
    var other: Oid
  }

  func union(_ ours: Oid, _ theirs: Oid) throws(GitError) -> (tree: Oid, conflicts: [Conflict]) {
    var conflicts: [Conflict] = []
    let tree = try union(ours, theirs, path: "", conflicts: &conflicts)
    return (tree, conflicts)
  }

  private func union(_ ours: Oid, _ theirs: Oid, path: String, conflicts: inout [Conflict])
    throws(GitError) -> Oid
  {
    if ours == theirs { return ours }
    var entries: [String: TreeLevelEntry] = [:]
    for entry in try repository.level(ofTree: ours) { entries[entry.name] = entry }
    var changed = false
    for other in try repository.level(ofTree: theirs) {
      guard let mine = entries[other.name] else {
        entries[other.name] = other
        changed = true
        continue
      }
      if mine.id == other.id { continue }
      let childPath = path.isEmpty ? other.name : path + "/" + other.name
      if mine.isTree && other.isTree {
        let merged = try union(mine.id, other.id, path: childPath, conflicts: &conflicts)
        if merged != mine.id {
          entries[other.name] = TreeLevelEntry(name: mine.name, id: merged, mode: mine.mode)
          changed = true
        }
      } else {
        conflicts.append(Conflict(path: childPath, kept: mine.id, other: other.id))
      }
    }
    guard changed else { return ours }
    return try repository.writeTree(Array(entries.values))
  }
}
