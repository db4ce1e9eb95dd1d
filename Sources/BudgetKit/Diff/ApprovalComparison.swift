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
      let what = ApprovalChange(
        by: key.by, file: key.path, digest: key.digest, budget: side.budget(approvedAt: key.path),
        signed: approval.signature != nil, state: state)
      return BudgetChange(.approval(what), kind: kind, path: approval.path)
    }
  }
}
