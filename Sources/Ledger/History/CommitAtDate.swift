import Foundation
import GitKit

/// Finds the commit that was current at a moment: the newest first-parent commit from a head
/// whose commit time is at or before it.
///
/// Commit times need not grow along history (clocks are wrong, rebases keep old dates), so the
/// walk takes the first commit in first-parent order that qualifies rather than searching by
/// time. It holds one commit at a time.
public enum CommitAtDate {
  public static func find(in repository: Repository, from head: Oid, atOrBefore moment: Date)
    throws(GitError) -> Oid?
  {
    let reader = try repository.rawObjectReader()
    var current: Oid? = head
    while let id = current {
      let links = try reader.links(of: id)
      if links.committerTime <= moment { return id }
      current = links.parentIds.first
    }
    return nil
  }
}
