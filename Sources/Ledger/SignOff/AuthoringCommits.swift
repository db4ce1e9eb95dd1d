import BudgetKit
import GitKit

/// Tells, commit by commit, whether a commit authors the governed change it belongs to
/// (`ChangeAuthorship`): it reads only the files whose blobs differ from every parent, so a
/// commit that leaves `.budgets/` as one of its parents had it costs one tree lookup per side.
struct AuthoringCommits {
  let repository: Repository
  let files: CommitTreeLoader
  var root: String { files.root }

  /// Whether `commit` changes the meaning of a governed file. A parent missing from a shallow
  /// clone cannot be compared, so the commit is taken to author the change.
  func authors(_ commit: CommitInfo) throws(GitError) -> Bool {
    let folder = try repository.treeId(inTree: commit.treeId, at: root)
    var parentFolders: [Oid?] = []
    for parent in commit.parentIds {
      guard
        let parentFolder = try? repository.treeId(
          inTree: repository.links(of: parent).treeId, at: root)
      else { return true }
      parentFolders.append(parentFolder)
    }
    // The folder as one parent had it: every governed file has that parent's meaning.
    if parentFolders.contains(where: { $0 == folder }) { return false }
    let comparison = TreeComparison(repository: repository)
    var perParent: [[FileChange]] = []
    for parentFolder in parentFolders.isEmpty ? [nil] : parentFolders {
      perParent.append(try comparison.changes(from: parentFolder, to: folder))
    }
    // Only a path that differs from every parent can hold a meaning no parent had.
    var candidates = Set(perParent[0].map(\.path))
    for changes in perParent.dropFirst() { candidates.formIntersection(changes.map(\.path)) }
    guard !candidates.isEmpty else { return false }
    let mine = perParent[0].filter { candidates.contains($0.path) }.compactMap(\.new)
    let theirs = perParent.map { changes in
      changes.filter { candidates.contains($0.path) }.compactMap(\.old)
    }
    return ChangeAuthorship.authors(
      meanings(mine), parents: commit.parentIds.isEmpty ? [] : theirs.map(meanings))
  }

  /// The governed meanings of some entries of a budgets folder; a file that does not parse
  /// stands for itself by its blob id.
  private func meanings(_ entries: [TreeEntry]) -> GovernedMeanings {
    let blobs = Dictionary(
      entries.map { ("\(root)/\($0.path)", $0.id.hex) }, uniquingKeysWith: { first, _ in first })
    return GovernedMeanings(files: files.parsedFiles(entries)) { file in
      "unparsed:" + (blobs[file.path] ?? file.path)
    }
  }
}
