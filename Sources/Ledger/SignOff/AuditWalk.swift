import BudgetKit
import Foundation
import GitKit

/// The first-parent steps of a range that changed `.budgets/`, oldest first, each judged against
/// its own first parent with `SignOffGate`.
public struct AuditWalk {
  public let repository: Repository
  public let root: String

  public init(repository: Repository, root: String = ".budgets") {
    self.repository = repository
    self.root = root
  }

  /// The commits of `from..to` along first parents whose `.budgets` tree differs from their
  /// first parent's, oldest first.
  public func changedCommits(from: Oid?, to: Oid) throws(LedgerError) -> [Oid] {
    do {
      let walk = try repository.revWalk(
        from: [to], hiding: from.map { [$0] } ?? [], firstParentOnly: true)
      var changed: [Oid] = []
      while let id = try walk.next() {
        let commit = try repository.commit(id)
        let mine = try repository.treeId(of: id, at: root)
        var parents: Oid?
        if let parent = commit.parentIds.first {
          parents = try repository.treeId(of: parent, at: root)
        }
        if mine != parents { changed.append(id) }
      }
      return changed.reversed()
    } catch {
      throw .git(error)
    }
  }

  /// The step from a commit's first parent to the commit, ready to judge; nil when the commit
  /// removes `.budgets/` altogether. `bootstrap` is true when the parent had no Owners to judge
  /// by (the tree's beginning).
  ///
  /// `previous` is the last tree read, by its `.budgets` tree id: along first parents the base
  /// of one changed commit is usually the head of the one before, so it is not parsed twice.
  public func step(_ id: Oid, previous: (treeId: Oid, tree: SignedTree)? = nil) throws(LedgerError)
    -> (step: AuditStep, head: SignedTree, headTreeId: Oid?, bootstrap: Bool)?
  {
    let reader = SignOffReader(repository: repository, root: root)
    let commit: CommitInfo
    var headTreeId: Oid?
    var parentTreeId: Oid?
    do {
      commit = try repository.commit(id)
      headTreeId = try repository.treeId(of: id, at: root)
      if let parent = commit.parentIds.first {
        parentTreeId = try repository.treeId(of: parent, at: root)
      }
    } catch { throw .git(error) }
    guard let head = try reader.tree(atCommit: id) else { return nil }
    let parent = commit.parentIds.first
    var base: SignedTree?
    if let previous, let parentTreeId, previous.treeId == parentTreeId {
      base = previous.tree
    } else if let parent {
      base = try reader.tree(atCommit: parent)
    }
    let authors = try reader.authors(base: parent, head: id)
    let gate = SignOffGate(
      base: base?.tree, head: head.tree, messages: head.messages, authors: authors, root: root)
    let date = ISO8601DateFormatter().string(from: commit.committer.time)
    let step = AuditStep(
      commit: id.hex, date: date, author: "\(commit.author.name) <\(commit.author.email)>",
      gate: gate)
    return (step, head, headTreeId, base?.tree.owners == nil)
  }
}
