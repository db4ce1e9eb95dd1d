/// What a file under `.budgets/` is, as its `kind:` field says.
public enum DocumentKind: String, Sendable, CaseIterable {
  case owners = "Owners"
  case budget = "Budget"
  case exception = "Exception"
  case approval = "Approval"
}
