import BudgetKit
import GitKit

/// Reads what a sign-off judgement needs from git: the trees at the base and the head, with
/// their approval records' bytes, and the authors of the change between them.
public struct SignOffReader {
  public let repository: Repository
  public let root: String

  public init(repository: Repository, root: String = ".budgets") {
    self.repository = repository
    self.root = root
  }

  /// The signed tree of a commit, its exceptions judged on `day`; nil when the commit has no
  /// `.budgets/`.
  public func tree(atCommit commit: Oid, day: CalendarDay = .today) throws(LedgerError)
    -> SignedTree?
  {
    do {
      let snapshot = try SnapshotReader(repository: repository, root: root).snapshot(
        atCommit: commit)
      return SignedTree(snapshot: snapshot, loader: BudgetTreeLoader(root: root, day: day))
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

  /// The authors of the change from `base` to `head`: the authors of the commits reachable
  /// from `head` but not from `base` (as `git log base..head`) that change the meaning of a
  /// governed file (`ChangeAuthorship`). Commits that only add approval records, and merges
  /// that resolve nothing, make nobody an author. `files` parses blobs through its cache.
  public func authors(base: Oid?, head: Oid, files: CommitTreeLoader? = nil) throws(LedgerError)
    -> [ChangeAuthor]
  {
    let loader =
      files ?? CommitTreeLoader(repository: repository, loader: BudgetTreeLoader(root: root))
    let rule = AuthoringCommits(repository: repository, files: loader)
    do {
      let walk = try repository.revWalk(from: [head], hiding: base.map { [$0] } ?? [])
      var newestFirst: [CommitInfo] = []
      while let id = try walk.next() {
        let commit = try repository.commit(id)
        if try rule.authors(commit) { newestFirst.append(commit) }
      }
      // Each person with the first commit of theirs that authors the change.
      var authors: [ChangeAuthor] = []
      var seen = Set<String>()
      for commit in newestFirst.reversed() {
        let person = commit.author.name + "\u{0}" + commit.author.email
        guard seen.insert(person).inserted else { continue }
        authors.append(
          ChangeAuthor(
            name: commit.author.name, email: commit.author.email,
            commit: "\(commit.id.hex.prefix(7)) \"\(commit.summary)\""))
      }
      return authors
    } catch {
      throw .git(error)
    }
  }
}

extension SignOffReader {
  /// Approval records under `.budgets/approvals/` that the work tree or the index holds and
  /// HEAD does not (untracked, added or modified); empty in a bare repository.
  public func uncommittedApprovals() throws(LedgerError) -> [String] {
    guard !repository.isBare else { return [] }
    do {
      return try repository.uncommittedFiles(under: root + "/approvals").filter {
        BudgetSourceFile.isYAMLName($0)
      }
    } catch {
      throw .git(error)
    }
  }
}
