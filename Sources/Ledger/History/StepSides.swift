import BudgetKit
import GitKit

/// The two sides of one commit's diff, made of the files it changed, parsed through the cache.
///
/// A file the commit leaves invalid keeps its previous meaning (it is reported, not diffed);
/// a file the commit makes valid again is compared with its last valid version, found by
/// following first parents back, so no change is lost or invented while a file was broken.
struct StepSides {
  var old: DiffSide
  var new: DiffSide
  /// Files the commit left invalid, with their first error.
  var problems: [Diagnostic] = []
  /// Meaning digests of the changed files' new versions, by path from the repository root.
  var newDigests: [String: String] = [:]

  /// - Parameter changes: the files that differ between the step's trees.
  init(step: HistoryStep, changes: [FileChange], files: CommitTreeLoader) throws(GitError) {
    let root = files.root
    old = DiffSide(root: root)
    new = DiffSide(root: root)
    let changes = try Self.ownChanges(of: step, changes, files: files)
    let before = Self.byPath(files.parsedFiles(changes.compactMap(\.old)))
    let after = Self.byPath(files.parsedFiles(changes.compactMap(\.new)))
    var oldDocuments: [BudgetDocument] = []
    var newDocuments: [BudgetDocument] = []
    for change in changes {
      let path = "\(root)/\(change.path)"
      if let now = after[path], now.isBroken {
        problems.append(Self.firstError(of: now))
        continue
      }
      var was = before[path]
      if let broken = was, broken.isBroken {
        was = try Self.lastValid(change.path, before: step.parent, files: files)
      }
      if let document = was?.document { oldDocuments.append(document) }
      if let now = after[path], let document = now.document {
        newDocuments.append(document)
        newDigests[path] = now.digest
      }
    }
    old = DiffSide(documents: oldDocuments, root: root)
    new = DiffSide(documents: newDocuments, root: root)
    try Self.nameApprovedBudgets(&old, tree: step.parent?.treeId, files: files)
    try Self.nameApprovedBudgets(&new, tree: step.commit.treeId, files: files)
  }

  /// For a merge in a walk of all parents, the changed files whose new version matches no
  /// other parent either; for any other commit, all of them.
  private static func ownChanges(
    of step: HistoryStep, _ changes: [FileChange], files: CommitTreeLoader
  )
    throws(GitError) -> [FileChange]
  {
    guard !step.otherParentTrees.isEmpty else { return changes }
    var own: [FileChange] = []
    for change in changes {
      var fromAParent = false
      for tree in step.otherParentTrees {
        let there = try tree.flatMap { id throws(GitError) in
          try files.repository.lookup(change.path, inTree: id).entry
        }
        if there?.id == change.new?.id && there?.mode == change.new?.mode { fromAParent = true }
      }
      if !fromAParent { own.append(change) }
    }
    return own
  }

  private static func byPath(_ files: [ParsedFile]) -> [String: ParsedFile] {
    Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
  }

  private static func firstError(of file: ParsedFile) -> Diagnostic {
    file.diagnostics.first { $0.severity == .error }
      ?? Diagnostic(.yamlSyntax, at: .start(of: file.path), "the file could not be understood")
  }

  /// The newest valid version of a file at or before `commit`, following first parents; nil
  /// when the file did not exist or was never valid before.
  static func lastValid(_ path: String, before commit: CommitLinks?, files: CommitTreeLoader)
    throws(GitError) -> ParsedFile?
  {
    var current = commit
    while let links = current {
      guard
        let entry = try files.repository.lookup("\(files.root)/\(path)", inTree: links.treeId)
          .fileEntry,
        let parsed = files.parsedFiles([entry.file(at: path)]).first
      else { return nil }
      if !parsed.isBroken { return parsed }
      guard let parent = links.parentIds.first else { return nil }
      current = try files.repository.links(of: parent)
    }
    return nil
  }

  /// Fills in the budget names and meaning digests of the files that approvals cover, as they
  /// are in the commit, whether it changed them or not.
  private static func nameApprovedBudgets(
    _ side: inout DiffSide, tree: Oid?, files: CommitTreeLoader
  )
    throws(GitError)
  {
    guard let tree else { return }
    let paths = Set(side.approvals.flatMap { $0.approves.map(\.path.value) })
    for path in paths.sorted() {
      let full = "\(side.root)/\(path)"
      guard let entry = try files.repository.lookup(full, inTree: tree).fileEntry,
        let parsed = files.parsedFiles([entry.file(at: path)]).first
      else { continue }
      if let digest = parsed.digest { side.digests[full] = digest }
      if side.budgetPaths[full] == nil, case .budget(let budget)? = parsed.document {
        side.budgetPaths[budget.path] = budget.name.value
      }
    }
  }
}
