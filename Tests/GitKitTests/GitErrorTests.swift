import GitKit
import Testing

@Suite struct GitErrorTests {
  @Test func ownershipErrorGivesTheSafeDirectoryCommand() {
    let text = GitError.repositoryOwnedByAnotherUser(path: "/srv/repo").description
    #expect(text.contains("git config --global --add safe.directory /srv/repo"))
  }

  @Test func descriptionsNameWhatWentWrong() {
    #expect(GitError.notARepository(path: "/tmp/x").description.contains("/tmp/x"))
    #expect(GitError.unknownRevision("topic~3").description.contains("topic~3"))
    let tooLarge = GitError.blobTooLarge(path: ".budgets/a.yaml", size: 2_000_000, limit: 1_000_000)
    for part in [".budgets/a.yaml", "2000000", "1000000"] {
      #expect(tooLarge.description.contains(part))
    }
    let failure = LibGit2Failure(code: -1, errorClass: 9, message: "broken pack", function: "git_x")
    let generic = GitError.libgit2(failure).description
    for part in ["broken pack", "git_x", "-1", "9"] {
      #expect(generic.contains(part))
    }
    let silent = LibGit2Failure(code: -1, errorClass: 0, message: nil, function: "git_y")
    #expect(silent.description.contains("no message"))
  }

  @Test func errorsCompareByValue() {
    #expect(GitError.unbornHead == GitError.unbornHead)
    #expect(GitError.unknownRevision("a") != GitError.unknownRevision("b"))
  }
}
