import GitKit
import Ledger
import TestSupport
import Testing

/// Revisions are resolved once, as git resolves them, and keep the text they were written as.
struct RevisionResolverTests {
  /// A repository whose `main` and `topic` fork after the first commit.
  private func forked() throws -> (TemporaryRepository, RevisionResolver) {
    let repo = try TemporaryRepository()
    try repo.write(path: "a.txt", contents: "a\n")
    _ = try repo.commit(message: "first")
    _ = try repo.git("checkout", "-q", "-b", "topic")
    try repo.write(path: "b.txt", contents: "b\n")
    _ = try repo.commit(message: "on topic")
    _ = try repo.git("checkout", "-q", "main")
    try repo.write(path: "c.txt", contents: "c\n")
    _ = try repo.commit(message: "on main")
    let opened = try Repository.discover(from: repo.path, environment: [:])
    return (repo, RevisionResolver(repository: opened))
  }

  private func id(_ repo: TemporaryRepository, _ revision: String) throws -> String {
    try repo.git("rev-parse", revision).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  @Test func aRevisionKeepsItsText() throws {
    let (repo, revisions) = try forked()
    let resolved = try revisions.resolve("main~1")
    #expect(resolved.text == "main~1")
    #expect(resolved.commit.hex == (try id(repo, "main~1")))
    #expect(resolved.description == "main~1 (\(resolved.commit.abbreviated))")
  }

  /// `A...B` walks both sides since they forked, hiding their merge base; an empty side is
  /// HEAD, as for git.
  @Test func aSymmetricRangeWalksBothSidesFromTheMergeBase() throws {
    let (repo, revisions) = try forked()
    let scope = try #require(try revisions.scope("main...topic", firstParentOnly: true))
    #expect(scope.heads.map(\.hex) == [try id(repo, "topic"), try id(repo, "main")])
    #expect(scope.hiding.map(\.hex) == [try id(repo, "main~1")])
    let leftEmpty = try #require(try revisions.scope("...topic", firstParentOnly: true))
    #expect(leftEmpty.heads == scope.heads)
  }

  @Test func anUnknownRevisionIsAGitError() throws {
    let (_, revisions) = try forked()
    #expect {
      try revisions.resolve("nonexistent")
    } throws: { error in
      guard case .git(.unknownRevision("nonexistent")) = error as? LedgerError else { return false }
      return true
    }
  }
}
