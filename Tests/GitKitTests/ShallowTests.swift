import Foundation
import GitKit
import TestSupport
import Testing

/// In a shallow clone GitKit must say that history is missing, never answer as if it ended.
@Suite struct ShallowTests {
  private func shallowClone() throws -> (source: TemporaryRepository, clone: TemporaryRepository) {
    let source = try makeSampleRepository()
    let clone = try TemporaryRepository(cloning: source.url, arguments: ["--depth", "1"])
    return (source, clone)
  }

  @Test func cloneIsShallowAndItsTipIsReadable() throws {
    let (source, clone) = try shallowClone()
    let repository = try open(clone)
    #expect(
      repository.isShallow == (try clone.git("rev-parse", "--is-shallow-repository") == "true"))
    #expect(repository.isShallow)
    let head = try repository.resolveCommit("HEAD")
    #expect(head == (try gitCommit(source, "main")))
    let parents = try source.git("log", "-1", "--format=%P", "main").split(separator: " ")
    #expect(try repository.commit(head).parentIds.map(\.hex) == parents.map(String.init))
    let folder = try #require(
      try repository.treeId(inTree: repository.links(of: head).treeId, at: ".budgets"))
    #expect(describe(try repository.files(inTree: folder)) == (try lsTree(source, "main:.budgets")))
  }

  @Test func walkNamesTheMissingParent() throws {
    let (source, clone) = try shallowClone()
    let repository = try open(clone)
    let head = try repository.resolveCommit("HEAD")
    let missing = try gitCommit(source, "main~1")
    #expect(throws: ProcessFailure.self) { try clone.git("cat-file", "-e", missing.hex) }
    let walk = try repository.revWalk(from: [head], hiding: [], firstParentOnly: true)
    #expect(throws: GitError.shallowHistoryMissing(commit: missing)) { try walk.collect() }
  }

  @Test func lookupsBeyondTheCutNameTheMissingCommit() throws {
    let (source, clone) = try shallowClone()
    let repository = try open(clone)
    let parent = try gitCommit(source, "main~1")
    #expect(throws: GitError.shallowHistoryMissing(commit: parent)) {
      try repository.commit(parent)
    }
    #expect(throws: GitError.shallowHistoryMissing(commit: parent)) {
      try repository.resolveCommit("HEAD~1")
    }
    let head = try repository.resolveCommit("HEAD")
    #expect(throws: GitError.shallowHistoryMissing(commit: parent)) {
      try repository.mergeBase(head, parent)
    }
  }

  @Test func errorTellsHowToFetchTheHistory() {
    let id = Oid(hex: String(repeating: "12", count: 20))!
    let text = GitError.shallowHistoryMissing(commit: id).description
    #expect(text.contains(id.hex))
    #expect(text.contains("git fetch --unshallow"))
    #expect(text.contains("--depth"))
  }
}
