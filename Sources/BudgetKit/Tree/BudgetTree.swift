/// Everything under one `.budgets/` tree, parsed and validated.
public struct BudgetTree: Sendable {
  public var owners: Owners?
  public var budgets: [Budget]
  public var exceptions: [BudgetException]
  public var approvals: [Approval]
  /// The import mappings (`kind: Import`), in path order.
  public var imports: [ImportMapping] = []
  /// Each parsed file's meaning digest, by path relative to the repository root.
  public var digests: [String: String]
  /// The files read as YAML, by path relative to the repository root.
  public var paths: [String]
  public var ignored: [IgnoredFile]
  public var diagnostics: [Diagnostic]
  /// The day the exceptions were judged on, when the tree was validated.
  public var day: CalendarDay?

  public init(
    owners: Owners? = nil, budgets: [Budget] = [], exceptions: [BudgetException] = [],
    approvals: [Approval] = [], digests: [String: String] = [:], paths: [String] = [],
    ignored: [IgnoredFile] = [], diagnostics: [Diagnostic] = []
  ) {
    self.owners = owners
    self.budgets = budgets
    self.exceptions = exceptions
    self.approvals = approvals
    self.digests = digests
    self.paths = paths
    self.ignored = ignored
    self.diagnostics = diagnostics
  }

  /// Whether the tree is valid: no errors (warnings allowed).
  public var isValid: Bool { !diagnostics.hasErrors }

  public func budget(named name: BudgetName) -> Budget? {
    budgets.first { $0.name.value == name }
  }
}
