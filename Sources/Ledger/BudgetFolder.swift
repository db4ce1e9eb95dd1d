import GitKit

/// What a commit records where its budgets folder should be.
enum BudgetFolder {
  /// Nothing is there (or the path goes through a file).
  case missing
  /// A file, link or submodule stands where the folder should be.
  case notAFolder
  /// The folder's files, with paths relative to it.
  case files([TreeEntry])

  /// Looks the folder up in a commit's root tree and lists it when it is one.
  static func of(commit: Oid, root: String, in objects: any ObjectReading) throws(GitError)
    -> BudgetFolder
  {
    let tree = try objects.links(of: commit).treeId
    switch try objects.lookup(root, inTree: tree) {
    case .missing, .notAFolder: return .missing
    case .found(let entry) where entry.isTree: return .files(try objects.files(inTree: entry.id))
    case .found: return .notAFolder
    }
  }
}
