/// Sign-offs that appeared or disappeared, one change per approved file.
///
/// An approval is identified by who gave it and the file meaning it binds to (path and digest),
/// so moving an approval file or rewording its note is not a change.
enum ApprovalComparison {
  private struct Key: Hashable {
    var by: MemberName
    var path: String
    var digest: String
  }

  static func changes(from old: DiffSide, to new: DiffSide) -> [BudgetChange] {
    let before = items(of: old.approvals)
    let after = items(of: new.approvals)
    let removed = before.filter { after[$0.key] == nil }
    let added = after.filter { before[$0.key] == nil }
    return changes(added, kind: .added, side: new) + changes(removed, kind: .removed, side: old)
  }

  private static func items(of approvals: [Approval]) -> [Key: Approval] {
    var items: [Key: Approval] = [:]
    for approval in approvals {
      for file in approval.approves {
        items[Key(by: approval.by.value, path: file.path.value, digest: file.digest.value)] =
          approval
      }
    }
    return items
  }

  private static func changes(_ items: [Key: Approval], kind: ChangeKind, side: DiffSide)
    -> [BudgetChange]
  {
    items.sorted {
      ($0.key.path, $0.key.by, $0.key.digest) < ($1.key.path, $1.key.by, $1.key.digest)
    }
    .map { key, approval in
      let state = kind == .added ? side.state(ofApprovalOf: key.path, digest: key.digest) : nil
      // Without the side's digests, whether it binds is unknown: the note says whether it is
      // signed, as it always did.
      let signed = approval.signature == nil ? "unsigned" : state == nil ? "signed" : nil
      let words = [shortDigest(key.digest), state.map(describe), signed].compactMap { $0 }
      return BudgetChange(
        category: .approval, kind: kind, budget: side.budget(approvedAt: key.path),
        subject: .approval, old: kind == .removed ? key.by.rawValue : nil,
        new: kind == .added ? key.by.rawValue : nil, path: approval.path,
        note: "\(key.by) approves \(key.path) (\(words.joined(separator: ", ")))",
        approvalState: state)
    }
  }

  private static func describe(_ state: ApprovalState) -> String {
    switch state {
    case .valid: "valid"
    case .stale: "stale: the file changed since"
    }
  }

  /// `sha256:9f2c0e1a…`: enough to tell digests apart in a listing.
  static func shortDigest(_ digest: String) -> String {
    digest.count > 19 ? String(digest.prefix(19)) + "…" : digest
  }
}
