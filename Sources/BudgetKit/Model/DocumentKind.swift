/// What a file under `.budgets/` is, as its `kind:` field says.
public enum DocumentKind: String, Sendable, CaseIterable {
  case owners = "Owners"
  case budget = "Budget"
  case exception = "Exception"
  case approval = "Approval"
  /// A mapping from a tool's output to budgets (`ImportMapping`).
  case importMapping = "Import"
}
