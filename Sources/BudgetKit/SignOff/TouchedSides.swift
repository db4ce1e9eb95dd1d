/// The two sides of a gate's diff cut down to what a change touched, so a change to a few files
/// of a large tree is judged without comparing the rest, with the same outcome.
///
/// The touched files alone would not do: budgets are matched by name, exceptions by id and
/// approvals by signer and meaning, wherever they are written, and a requirement looks up the
/// budget an exception names. So each side holds every document that shares an identity with
/// one in a touched file:
/// - every budget named like a budget in a touched file on either side, or named by a held
///   exception;
/// - every exception whose id an exception in a touched file has on either side;
/// - every approval that shares a signer, file and digest with one in a touched file;
/// - every mapped figure (an entry of a `kind: Import` file) whose tool, budget and metric an
///   entry in a touched file has on either side, with the budget it names;
/// - the Owners file, when a touched file is an Owners file on either side.
///
/// Every other document is in an untouched file, so it is the same on both sides, under names
/// no touched file uses: the whole trees' diff finds no change in it either. The diff of these
/// sides is therefore the whole trees' diff, in the same order, and every budget a requirement
/// looks up by name is held with all its namesakes, in tree order.
public struct TouchedSides: Sendable {
  public var base: DiffSide
  public var head: DiffSide

  /// - Parameter paths: every file (relative to the repository root) whose content differs
  ///   between the two trees; more is harmless, fewer is not.
  public init(base: BudgetTree?, head: BudgetTree, touching paths: Set<String>, root: String) {
    let trees = [base ?? BudgetTree(), head]
    var budgetNames = Set<BudgetName>()
    var exceptionIDs = Set<ExceptionID>()
    var approvalKeys = Set<ApprovalKey>()
    var ownersTouched = false
    var importKeys = Set<ImportFigureComparison.EntryKey>()
    // Budgets are reached by index, field by field: copying each whole budget out of a large
    // tree would cost more than the rest of the judgement.
    for tree in trees {
      for index in tree.budgets.indices where paths.contains(tree.budgets[index].path) {
        budgetNames.insert(tree.budgets[index].name.value)
      }
      for exception in tree.exceptions where paths.contains(exception.path) {
        exceptionIDs.insert(exception.id.value)
      }
      for approval in tree.approvals where paths.contains(approval.path) {
        approvalKeys.formUnion(ApprovalKey.all(of: approval))
      }
      if let owners = tree.owners, paths.contains(owners.path) { ownersTouched = true }
      for mapping in tree.imports where paths.contains(mapping.path) {
        importKeys.formUnion(
          mapping.figures.map { ImportFigureComparison.EntryKey(mapping.tool.value, $0) })
      }
    }
    // A requirement on a mapped figure looks up the dimension of the metric in its budget.
    let imports = trees.map { tree in
      importKeys.isEmpty
        ? []
        : tree.imports.compactMap { mapping -> ImportMapping? in
          var held = mapping
          held.figures = mapping.figures.filter {
            importKeys.contains(.init(mapping.tool.value, $0))
          }
          return held.figures.isEmpty ? nil : held
        }
    }
    for key in importKeys { budgetNames.insert(key.budget) }
    let exceptions = trees.map { tree in
      exceptionIDs.isEmpty ? [] : tree.exceptions.filter { exceptionIDs.contains($0.id.value) }
    }
    // A requirement on an exception change looks up the budget the exception names.
    for held in exceptions {
      for exception in held { budgetNames.insert(exception.budget.value) }
    }
    let sides = zip(zip(trees, exceptions), imports).map { pair, imports in
      let (tree, exceptions) = pair
      let approvals =
        approvalKeys.isEmpty
        ? [] : tree.approvals.filter { !approvalKeys.isDisjoint(with: ApprovalKey.all(of: $0)) }
      // An approval change names the budget of the file it covers, from the whole tree.
      var budgetPaths: [String: BudgetName] = [:]
      if !approvals.isEmpty {
        for index in tree.budgets.indices where budgetPaths[tree.budgets[index].path] == nil {
          budgetPaths[tree.budgets[index].path] = tree.budgets[index].name.value
        }
      }
      let budgets =
        budgetNames.isEmpty
        ? []
        : tree.budgets.indices.filter { budgetNames.contains(tree.budgets[$0].name.value) }.map {
          tree.budgets[$0]
        }
      var side = DiffSide(
        budgets: budgets,
        exceptions: exceptions, approvals: approvals,
        owners: ownersTouched ? tree.owners : nil, budgetPaths: budgetPaths, root: root)
      side.imports = imports
      return side
    }
    self.base = base == nil ? DiffSide(root: root) : sides[0]
    self.head = sides[1]
  }
}

/// What identifies one file an approval covers, as the diff matches approvals.
private struct ApprovalKey: Hashable {
  var by: MemberName
  var path: String
  var digest: String

  static func all(of approval: Approval) -> Set<ApprovalKey> {
    Set(
      approval.approves.map {
        ApprovalKey(by: approval.by.value, path: $0.path.value, digest: $0.digest.value)
      })
  }
}
