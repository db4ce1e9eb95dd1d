import BudgetKit
import GitKit

/// An approval of a file's content that landed after the commit that set it, with the commit
/// that brought the record.
public struct LaterApproval: Sendable {
  public var by: MemberName
  public var commit: CommitInfo
}

/// Finds the approvals of a file's content that landed after it on the first-parent line (a
/// branch fast-forwarded or rebased onto main puts a change and its approval in separate
/// steps): the records in the tree just before the next change (or at the walk's head) that
/// approve exactly the content the file had, each with the oldest commit of the stretch whose
/// tree holds it.
public struct LaterApprovalSearch {
  public let trail: AuditTrail
  /// Where the walk started, the end of the stretch for the newest change.
  public let head: Oid?

  public init(trail: AuditTrail, head: Oid?) {
    self.trail = trail
    self.head = head
  }

  /// The later approvals of `path` (relative to the repository root) as `commit` left it,
  /// before `next`, the newer commit that changed what is followed (nil for the newest).
  public func approvals(
    ofFile path: String, setAt commit: CommitInfo, changedNextAt next: CommitInfo?
  )
    throws(GitError) -> [LaterApproval]
  {
    let repository = trail.files.repository
    guard let end = next.map({ $0.parentIds.first }) ?? head, end != commit.id else { return [] }
    let found = try trail.approvals(
      ofFile: path, asAt: commit, inTreeOf: try repository.commit(end))
    guard !found.isEmpty else { return [] }
    // Oldest first, so the first commit holding a record is the one that brought it.
    let stretch = try repository.revWalk(
      from: [end], hiding: [commit.id], firstParentOnly: true, order: .time
    ).collect().reversed()
    var later: [LaterApproval] = []
    for (by, record) in found {
      for id in stretch {
        let step = try repository.commit(id)
        guard try repository.entry(inTree: step.treeId, at: record) != nil else { continue }
        later.append(LaterApproval(by: by, commit: step))
        break
      }
    }
    return later.sorted { $0.by < $1.by }
  }
}
