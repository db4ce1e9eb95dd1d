/// A sign-off rule of the Owners file that changed, with its value on each side.
public enum RuleChange: Sendable, Hashable {
  /// Who signs off one kind of change (`rules.loosen`, `rules.exception`, …).
  case approvers(ApprovedChange, old: Rules.Approvers, new: Rules.Approvers)
  case maxExceptionDays(old: Int, new: Int)
  case signatures(old: Rules.Signatures, new: Rules.Signatures)
  case selfApproval(old: Bool, new: Bool)

  /// The kinds of change a rule names who approves.
  public enum ApprovedChange: String, Sendable, CaseIterable, Hashable {
    case loosen, tighten, add, remove, exception
  }

  /// The rule's key under `rules:`.
  public var name: String {
    switch self {
    case .approvers(let change, _, _): change.rawValue
    case .maxExceptionDays: "max_exception_days"
    case .signatures: "signatures"
    case .selfApproval: "self_approval"
    }
  }
}
