import BudgetKit
import GitKit

/// Reads what a sign-off judgement needs from git: the trees at the base and the head, with
/// their approval records' bytes, and the authors of the commits between them.
public struct SignOffReader {
  public let repository: Repository
  public let root: String

  public init(repository: Repository, root: String = ".budgets") {
    self.repository = repository
    self.root = root
  }

  /// The signed tree of a commit; nil when the commit has no `.budgets/`.
  public func tree(atCommit commit: Oid) throws(LedgerError) -> SignedTree? {
    do {
      let snapshot = try SnapshotReader(repository: repository, root: root).snapshot(
        atCommit: commit)
      return SignedTree(snapshot: snapshot)
    } catch .noBudgetsFolder {
      return nil
    }
  }

  /// The signed tree of the work tree; nil when it has no `.budgets/`.
  public func workTree() throws(LedgerError) -> SignedTree? {
    do {
      return SignedTree(
        snapshot: try SnapshotReader(repository: repository, root: root).snapshot(.workTree))
    } catch .noBudgetsFolder {
      return nil
    }
  }

  /// The authors of the commits reachable from `head` but not from `base`, as `git log base..head`.
  public func authors(base: Oid?, head: Oid) throws(LedgerError) -> [ChangeAuthor] {
    do {
      let walk = try repository.revWalk(from: [head], hiding: base.map { [$0] } ?? [])
      var authors: [ChangeAuthor] = []
      var seen = Set<ChangeAuthor>()
      while let id = try walk.next() {
        let author = try repository.commit(id).author
        let person = ChangeAuthor(name: author.name, email: author.email)
        if seen.insert(person).inserted { authors.append(person) }
      }
      return authors
    } catch {
      throw .git(error)
    }
  }
}
