import CGit2
import Foundation

/// The parts of a commit a history walk needs: its tree, its parents and when it was committed,
/// read without copying its message or signatures.
public struct CommitLinks: Hashable, Sendable {
  public let id: Oid
  /// The id of the commit's root tree.
  public let treeId: Oid
  /// The parent ids in recorded order; the first one is the first parent.
  public let parentIds: [Oid]
  /// The committer's time.
  public let committerTime: Date

  /// Creates links from their parts.
  public init(id: Oid, treeId: Oid, parentIds: [Oid], committerTime: Date) {
    self.id = id
    self.treeId = treeId
    self.parentIds = parentIds
    self.committerTime = committerTime
  }

  /// Copies the links of a commit object that libgit2 lends.
  init(_ commit: OpaquePointer) {
    id = Oid(git_commit_id(commit))
    treeId = Oid(git_commit_tree_id(commit))
    parentIds = (0..<git_commit_parentcount(commit)).compactMap { index in
      git_commit_parent_id(commit, index).map { Oid($0) }
    }
    committerTime = Date(timeIntervalSince1970: TimeInterval(git_commit_time(commit)))
  }
}

extension Repository {
  /// The tree, parents and commit time of a commit, cheaper than `commit(_:)`.
  ///
  /// Throws like `commit(_:)`, including `shallowHistoryMissing` beyond a shallow clone's cut.
  public func links(of commit: Oid) throws(GitError) -> CommitLinks {
    try withCommit(commit) { CommitLinks($0) }
  }
}
