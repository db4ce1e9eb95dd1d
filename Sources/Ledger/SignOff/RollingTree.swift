import BudgetKit
import GitKit

/// The budgets tree of one commit kept as its parsed files, so the tree of a following commit is
/// made by replacing only the files that changed (`TreeAssembly`).
///
/// Files are parsed through the loader's cache; the tree is the one the whole folder read from
/// scratch gives, with the same diagnostics, digests and approvals' signed bytes.
struct RollingTree {
  /// The budgets folder this tree was read from.
  private(set) var folder: Oid
  private var assembly: TreeAssembly
  /// Entries that are not parsed (other files, links, submodules), by path inside the folder.
  private var others: [String: TreeEntry] = [:]
  /// The signed bytes of each approval record, by path relative to the repository root.
  private var messages: [String: [UInt8]] = [:]

  /// Every file of a budgets folder, read through the loader; nil when the folder holds more
  /// YAML files than bursar reads, which the whole-folder reader reports.
  init?(folder: Oid, files: CommitTreeLoader, day: CalendarDay) throws(GitError) {
    let entries = try files.repository.files(inTree: folder)
    let yaml = entries.filter(\.isBudgetFile)
    guard yaml.count <= files.loader.limits.maxFiles else { return nil }
    self.folder = folder
    for entry in entries where !entry.isBudgetFile { others[entry.path] = entry }
    let parsed = files.parsedFiles(yaml)
    for file in parsed { messages[file.path] = file.signedBytes }
    let unparsed = Self.classify(others, files)
    assembly = TreeAssembly(
      parsed, ignored: unparsed.ignored, diagnostics: unparsed.diagnostics, root: files.root,
      day: day)
  }

  /// The tree with its approvals' signed bytes.
  var signed: SignedTree { SignedTree(tree: assembly.tree, messages: messages) }

  /// Moves to the folder `changes` lead to, judging exceptions on `day`; false (and unchanged)
  /// when it would hold more YAML files than bursar reads.
  mutating func apply(
    _ changes: [FileChange], to newFolder: Oid, files: CommitTreeLoader, day: CalendarDay
  ) -> Bool {
    let yamlCount = assembly.tree.paths.count
    var added = 0
    for change in changes {
      if let old = change.old, old.isBudgetFile { added -= 1 }
      if let new = change.new, new.isBudgetFile { added += 1 }
    }
    guard yamlCount + added <= files.loader.limits.maxFiles else { return false }
    var removed: [String] = []
    for change in changes {
      let path = "\(files.root)/\(change.path)"
      if let old = change.old {
        if old.isBudgetFile {
          removed.append(path)
        } else {
          others[change.path] = nil
        }
        messages[path] = nil
      }
      if let new = change.new, !new.isBudgetFile { others[change.path] = new }
    }
    let parsed = files.parsedFiles(changes.compactMap(\.new))
    for file in parsed { messages[file.path] = file.signedBytes }
    let unparsed = Self.classify(others, files)
    assembly.replace(
      with: parsed, removing: removed, ignored: unparsed.ignored,
      diagnostics: unparsed.diagnostics, on: day)
    folder = newFolder
    return true
  }

  /// What the loader makes of entries it does not parse: files it ignores, and problems.
  private static func classify(_ others: [String: TreeEntry], _ files: CommitTreeLoader)
    -> ClassifiedFiles
  {
    guard !others.isEmpty else { return ClassifiedFiles() }
    let reader = SnapshotReader(
      objects: files.repository, limits: files.loader.limits, root: files.root)
    return files.loader.classify(others.values.map(reader.sourceFile))
  }
}
