/// The values of a change as every output writes them (the `old`, `new` and `note` of
/// `docs/json.md`): values as written (`100ms`, `0.13s`), days, names, short keys.
extension BudgetChange {
  /// The value on the old side; nil where the old side has none.
  public var oldText: String? { texts.old }

  /// The value on the new side; nil where the new side has none.
  public var newText: String? { texts.new }

  private var texts: (old: String?, new: String?) {
    switch what {
    case .bound(let bound): (bound.old?.text, bound.new?.text)
    case .owner(_, let old, let new): (old.rawValue, new.rawValue)
    case .dimension(_, _, let old, let new): (old.rawValue, new.rawValue)
    case .shape(let shape): (shape.old, shape.new)
    case .regression(let regression): (regression.old, regression.new)
    case .importFigure(let figure): (figure.old, figure.new)
    case .exception(let exception):
      switch exception.field {
      case .grant(let grant): (grant.old?.text, grant.new?.text)
      case .starts(_, let old, let new), .expires(_, let old, let new):
        (old.description, new.description)
      case .reason(let old, let new): (old, new)
      case .ticket(let old, let new): (old, new)
      }
    case .approval(let approval):
      (kind == .removed ? approval.by.rawValue : nil, kind == .added ? approval.by.rawValue : nil)
    case .owners(let owners): Self.texts(owners)
    }
  }

  private static func texts(_ change: OwnersChange) -> (old: String?, new: String?) {
    switch change {
    case .file(let old, let new): (old.map { "\($0) teams" }, new.map { "\($0) teams" })
    case .team(_, let old, let new): (old.map(memberList), new.map(memberList))
    case .member(_, let old, let new): (old?.rawValue, new?.rawValue)
    case .email(_, _, let old, let new): (old, new)
    case .key(_, _, let old, let new): (old.map(shortKey), new.map(shortKey))
    case .dimension(_, let old, let new): (old.map(describe), new.map(describe))
    case .dimensionOwners(_, let old, let new), .governance(let old, let new):
      (describe(old), describe(new))
    case .runbook(_, let old, let new): (old, new)
    case .weight(_, let old, let new): (old?.text, new?.text)
    case .regressionsBlocking(let old, let new): (dimensionList(old), dimensionList(new))
    case .rule(let rule):
      switch rule {
      case .approvers(_, let old, let new): (old.rawValue, new.rawValue)
      case .maxExceptionDays(let old, let new): ("\(old)", "\(new)")
      case .signatures(let old, let new): (old.rawValue, new.rawValue)
      case .selfApproval(let old, let new): ("\(old)", "\(new)")
      }
    }
  }

  /// A short note for people: the days and reason of an exception created or withdrawn, the
  /// approver and file of an approval; nil for other changes.
  public var note: String? {
    switch what {
    case .exception(let exception):
      guard case .grant = exception.field,
        exception.action == .created || exception.action == .withdrawn
      else { return nil }
      return "\(exception.starts) to \(exception.expires): \(exception.reason)"
    case .approval(let approval):
      // Without the side's digests, whether it binds is unknown: the note says whether it is
      // signed, as it always did.
      let signed = !approval.signed ? "unsigned" : approval.state == nil ? "signed" : nil
      let words = [Self.shortDigest(approval.digest), approval.state.map(Self.describe), signed]
        .compactMap { $0 }
      return "\(approval.by) approves \(approval.file) (\(words.joined(separator: ", ")))"
    case .importFigure(let figure):
      return "\(figure.tool.rawValue) figure, mapped in \(figure.mapping)"
    case .bound, .owner, .dimension, .shape, .regression, .owners:
      return nil
    }
  }

  /// For an exception's grant: the budget's own effective value that it relaxes, on the side
  /// the exception is on; nil otherwise, or when that budget is not on the side.
  public var budgetValue: String? {
    guard case .exception(let exception) = what, case .grant(let grant) = exception.field else {
      return nil
    }
    return grant.budgetValue?.text
  }

  /// For exception changes: the exception's last day, on the side it is on.
  public var expires: String? {
    guard case .exception(let exception) = what else { return nil }
    return exception.expires.description
  }

  /// `sre, ml-eng (all)`.
  static func describe(_ signOff: SignOff) -> String {
    signOff.teams.map(\.rawValue).joined(separator: ", ") + " (\(signOff.require))"
  }

  private static func describe(_ state: ApprovalState) -> String {
    switch state {
    case .valid: "valid"
    case .stale: "stale: the file changed since"
    }
  }

  /// `latency, memory`; nil for none.
  private static func dimensionList(_ dimensions: [DimensionName]) -> String? {
    dimensions.isEmpty ? nil : dimensions.map(\.rawValue).joined(separator: ", ")
  }

  private static func memberList(_ members: [MemberName]) -> String {
    members.map(\.rawValue).joined(separator: ", ")
  }

  /// `ssh-ed25519 …Xy12Ab34 alice@laptop`: the type, the end of the key, and its comment.
  static func shortKey(_ key: String) -> String {
    let parts = key.split(separator: " ", maxSplits: 2).map(String.init)
    guard parts.count >= 2 else { return key }
    let tail = parts[1].count > 12 ? "…" + parts[1].suffix(12) : parts[1]
    return ([parts[0], tail] + parts.dropFirst(2)).joined(separator: " ")
  }

  /// `sha256:9f2c0e1a…`: enough to tell digests apart in a listing.
  static func shortDigest(_ digest: String) -> String {
    digest.count > 19 ? String(digest.prefix(19)) + "…" : digest
  }
}
