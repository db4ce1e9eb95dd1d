import BudgetKit
import GitKit

/// Reads and parses the blobs a staged review needs, and diffs the changed files.
struct StagedFiles {
  let repository: Repository
  let root: String
  let loader: BudgetTreeLoader
  private let reader: SnapshotReader

  init(repository: Repository, root: String, limits: ReadLimits) {
    self.repository = repository
    self.root = root
    var loader = BudgetTreeLoader(limits: limits, root: root)
    loader.computesDigests = false
    self.loader = loader
    self.reader = SnapshotReader(repository: repository, limits: limits, root: root)
  }

  func classify(_ entries: [TreeEntry]) -> ClassifiedFiles {
    loader.classify(entries.map(reader.sourceFile))
  }

  /// The YAML files among the entries, parsed, by path from the repository root. A file that
  /// cannot be read is left out.
  func parse(_ entries: [TreeEntry]) -> [String: ParsedFile] {
    let parsed = loader.parse(classify(entries.filter(\.isBudgetFile)).yaml)
    return Dictionary(parsed.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// How the changed files change budgets. A file the index leaves broken is not compared (its
  /// meaning is unknown); a file broken in HEAD counts as absent there.
  ///
  /// - Parameters:
  ///   - newFiles: the changed files' staged versions, already parsed, by full path.
  ///   - context: other staged files already parsed, whose budgets give the values exception
  ///     grants relax (`BudgetChange.budgetValue`).
  func changes(
    _ sides: StagedSides, newFiles: [String: ParsedFile], context: [String: ParsedFile] = [:]
  ) -> [BudgetChange] {
    let oldFiles = parse(sides.changedPaths.compactMap { sides.old[$0] })
    var oldDocuments: [BudgetDocument] = []
    var newDocuments: [BudgetDocument] = []
    for path in sides.changedPaths {
      let full = "\(root)/\(path)"
      if let now = newFiles[full], now.isBroken { continue }
      if let was = oldFiles[full], !was.isBroken, let document = was.document {
        oldDocuments.append(document)
      }
      if let document = newFiles[full]?.document { newDocuments.append(document) }
    }
    var old = DiffSide(documents: oldDocuments, root: root)
    var new = DiffSide(documents: newDocuments, root: root)
    nameApprovedBudgets(&old, entries: sides.old)
    nameApprovedBudgets(&new, entries: sides.new)
    let changes = BudgetDiff.changes(from: old, to: new)
    guard changes.contains(where: { $0.category == .exception }) else { return changes }
    var staged = new
    for file in context.values where newFiles[file.path] == nil {
      if case .budget(let budget)? = file.document, !file.isBroken { staged.budgets.append(budget) }
    }
    return BudgetDiff.withBudgetValues(changes, from: old, to: staged)
  }

  /// Fills in the budget names of files that approvals cover but the change did not touch.
  private func nameApprovedBudgets(_ side: inout DiffSide, entries: [String: TreeEntry]) {
    let paths = Set(side.approvals.flatMap { $0.approves.map(\.path.value) })
    let missing = paths.filter { side.budgetPaths["\(root)/\($0)"] == nil }.compactMap {
      entries[$0]
    }
    for file in parse(missing).values {
      if case .budget(let budget)? = file.document {
        side.budgetPaths[budget.path] = budget.name.value
      }
    }
  }
}
