import BudgetKit
import GitKit

/// HEAD's `.budgets/` files and the index's, and the paths where they differ.
struct StagedSides {
  /// HEAD's files, paths relative to the budgets folder; nil when HEAD is unborn or has no
  /// `.budgets/` folder (or has a file of that name).
  let headEntries: [TreeEntry]?
  let staged: IndexListing
  let old: [String: TreeEntry]
  let new: [String: TreeEntry]
  /// Paths relative to the budgets folder whose entry differs (id or mode) or exists on one
  /// side only, sorted.
  let changedPaths: [String]
  /// The same, from the repository root.
  let changedFullPaths: Set<String>
  let root: String
  /// HEAD's commit; nil when HEAD is unborn.
  let head: Oid?

  /// - Parameter base: the commit the index is compared with: HEAD, or a merge's other parent.
  init(repository: Repository, root: String, base: String = "HEAD") throws(LedgerError) {
    self.root = root
    var headEntries: [TreeEntry]?
    var head: Oid?
    do {
      head = try repository.resolveCommit(base)
      if case .files(let entries) = try BudgetFolder.of(commit: head!, root: root, in: repository) {
        headEntries = entries
      }
      staged = try repository.indexFiles(under: root)
    } catch .unbornHead {
      do { staged = try repository.indexFiles(under: root) } catch { throw .git(error) }
    } catch {
      throw .git(error)
    }
    self.head = head
    self.headEntries = headEntries
    old = Dictionary(
      (headEntries ?? []).map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    new = Dictionary(staged.entries.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    var changed: [String] = []
    for path in Set(old.keys).union(new.keys) {
      let was = old[path]
      let now = new[path]
      if was?.id != now?.id || was?.mode != now?.mode { changed.append(path) }
    }
    changedPaths = changed.sorted()
    changedFullPaths = Set(changed.map { "\(root)/\($0)" })
  }

  /// How many staged files are regular YAML files, which validation reads.
  var parsableCount: Int { staged.entries.lazy.filter(\.isBudgetFile).count }

  /// A problem for each path left with merge conflicts in the index.
  var conflictDiagnostics: [Diagnostic] {
    staged.conflictedPaths.map { SnapshotReader.conflicted("\(root)/\($0)") }
  }
}
