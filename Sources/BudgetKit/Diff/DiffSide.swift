/// The documents on one side of a diff: a whole tree, or only the files a commit touched.
///
/// Budgets are matched by name and exceptions by id, so a side may hold any subset of a tree's
/// files as long as the other side holds the same paths: a budget moved between two of those
/// files keeps its identity.
public struct DiffSide: Sendable {
  public var budgets: [Budget]
  public var exceptions: [BudgetException]
  public var approvals: [Approval]
  public var owners: Owners?
  /// The `kind: Import` mappings: which figure of a tool's output measures which metric.
  public var imports: [ImportMapping] = []
  /// Budget names by file path relative to the repository root, for naming the budget an
  /// approval covers; it may list more files than the side holds.
  public var budgetPaths: [String: BudgetName]
  /// The budgets folder, relative to the repository root; approvals name paths inside it.
  public var root: String
  /// Meaning digests by file path relative to the repository root, for telling whether an
  /// approval still binds; it may list more files than the side holds, or none.
  public var digests: [String: String] = [:]
  /// What the side's recorded baselines resolved to; empty when none was read.
  public var baselines = ResolvedBaselines()

  public init(
    budgets: [Budget] = [], exceptions: [BudgetException] = [], approvals: [Approval] = [],
    owners: Owners? = nil, budgetPaths: [String: BudgetName] = [:], root: String = ".budgets"
  ) {
    self.budgets = budgets
    self.exceptions = exceptions
    self.approvals = approvals
    self.owners = owners
    self.budgetPaths = budgetPaths
    self.root = root
    for budget in budgets where self.budgetPaths[budget.path] == nil {
      self.budgetPaths[budget.path] = budget.name.value
    }
  }

  /// Every document of a parsed tree; with `digests`, its files' meaning digests too, so that
  /// approval changes say whether they bind.
  public init(tree: BudgetTree, root: String = ".budgets", digests: Bool = false) {
    self.init(
      budgets: tree.budgets, exceptions: tree.exceptions, approvals: tree.approvals,
      owners: tree.owners, root: root)
    imports = tree.imports
    if digests { self.digests = tree.digests }
  }

  /// The given documents, in any order.
  public init(documents: [BudgetDocument], root: String = ".budgets") {
    self.init(root: root)
    for document in documents {
      switch document {
      case .budget(let budget):
        budgets.append(budget)
        budgetPaths[budget.path] = budget.name.value
      case .exception(let exception): exceptions.append(exception)
      case .approval(let approval): approvals.append(approval)
      case .owners(let owners): if self.owners == nil { self.owners = owners }
      case .importMapping(let mapping): imports.append(mapping)
      }
    }
  }

  /// Whether an approval of a file (a path relative to the budgets folder) with a digest binds
  /// to the file on this side; nil when the side does not know the file's digest.
  func state(ofApprovalOf path: String, digest: String) -> ApprovalState? {
    guard !digests.isEmpty else { return nil }
    return digests[root + "/" + path] == digest ? .valid : .stale
  }

  /// The budget whose file an approval names (a path relative to the budgets folder).
  func budget(approvedAt path: String) -> BudgetName? {
    budgetPaths[root + "/" + path]
  }
}
