import Foundation
import GitKit
import TestSupport
import Testing

@Suite struct DiscoveryTests {
  @Test func discoversFromASubfolderLikeGit() throws {
    let fixture = try makeSampleRepository()
    let repository = try open(fixture, at: ".budgets/web")
    let folder = fixture.absolutePath(".budgets/web")
    #expect(
      repository.workingDirectory
        == (try fixture.git(["rev-parse", "--show-toplevel"], cwd: folder)))
    #expect(
      repository.gitDirectory
        == (try fixture.git(["rev-parse", "--absolute-git-dir"], cwd: folder)))
    #expect(repository.isBare == false)
    #expect(repository.isShallow == false)
    #expect(repository.isHeadUnborn == false)
    #expect(repository.isEmpty == false)
  }

  @Test func aReopenedHandleReadsTheSameRepositoryOnAnotherThread() throws {
    let fixture = try makeSampleRepository()
    let repository = try open(fixture, at: ".budgets/web")
    let again = try repository.reopened()
    #expect(again !== repository)
    #expect(again.gitDirectory == repository.gitDirectory)
    #expect(again.workingDirectory == repository.workingDirectory)
    let head = try gitCommit(fixture, "HEAD")
    // Each handle read by a thread of its own, at the same time.
    let handles = HandleBox([repository, again])
    let found = ResultsBox(count: 2)
    DispatchQueue.concurrentPerform(iterations: 2) { index in
      found.set(index, (0..<200).map { _ in try? handles.value[index].resolveCommit("HEAD") })
    }
    #expect(found.values.allSatisfy { $0.allSatisfy { $0 == head } })
  }

  @Test func opensABareRepositoryAndItsSubfolders() throws {
    let source = try makeSampleRepository()
    let bare = try TemporaryRepository(cloning: source.path, bare: true)
    for start in [bare.path, bare.absolutePath("refs/heads")] {
      let repository = try Repository.discover(from: start, environment: [:])
      #expect(repository.isBare == (try bare.git("rev-parse", "--is-bare-repository") == "true"))
      #expect(repository.workingDirectory == nil)
      #expect(repository.gitDirectory == (try bare.git("rev-parse", "--absolute-git-dir")))
      #expect(try repository.resolveCommit("main") == (try gitCommit(bare, "main")))
    }
  }

  @Test func bareRepositoryHasNoIndex() throws {
    let source = try makeSampleRepository()
    let bare = try TemporaryRepository(cloning: source.path, bare: true)
    let repository = try open(bare)
    #expect(throws: GitError.bareRepository(path: repository.gitDirectory)) {
      try repository.indexFiles(under: ".budgets")
    }
  }

  @Test func refusesAFolderOutsideAnyRepository() throws {
    let folder = try TemporaryDirectory()
    let check = try runProcess(
      "git", ["rev-parse", "--git-dir"], environment: TemporaryRepository.environment(),
      cwd: folder.path)
    try #require(!check.succeeded, "the temporary folder must not be inside a repository")
    #expect(throws: GitError.notARepository(path: folder.path)) {
      try Repository.discover(from: folder.path, environment: [:])
    }
  }

  @Test func emptyRepositoryHasAnUnbornHead() throws {
    let fixture = try TemporaryRepository()
    let repository = try open(fixture)
    #expect(throws: ProcessFailure.self) { try fixture.git("rev-parse", "--verify", "HEAD") }
    #expect(repository.isHeadUnborn)
    #expect(repository.isEmpty)
    #expect(throws: GitError.unbornHead) { try repository.resolveCommit("HEAD") }
    #expect(try repository.indexFiles(under: "").entries.isEmpty)
    let first = try fixture.commit(message: "first")
    #expect(repository.isHeadUnborn == false)
    #expect(repository.isEmpty == false)
    #expect(try repository.resolveCommit("HEAD").hex == first)
  }

  @Test func readsRepositoryConfiguration() throws {
    let fixture = try makeSampleRepository()
    try fixture.git("config", "core.hooksPath", ".githooks")
    try fixture.git("config", "bursar.some-key", "a value")
    let repository = try open(fixture)
    #expect(repository.config("core.hooksPath") == (try fixture.git("config", "core.hooksPath")))
    #expect(repository.config("bursar.some-key") == (try fixture.git("config", "bursar.some-key")))
    #expect(throws: ProcessFailure.self) { try fixture.git("config", "bursar.absent") }
    #expect(repository.config("bursar.absent") == nil)
  }

  @Test func reportsTheLinkedLibgit2Version() {
    let parts = Repository.libgit2Version.split(separator: ".")
    #expect(parts.count == 3)
    #expect(parts.allSatisfy { Int($0) != nil })
  }

  /// Only root can hand a folder to another user; git's own verdict is the oracle, since a
  /// `safe.directory` setting of the machine applies to both.
  @Test(.enabled(if: getuid() == 0)) func repositoryOwnedByAnotherUser() throws {
    let fixture = try makeSampleRepository()
    let chown = try runProcess("chown", ["-R", "65534:65534", fixture.path], cwd: "/")
    try #require(chown.succeeded, "\(chown.stderrText)")
    let environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
    let git = try runProcess(
      "git", ["rev-parse", "--git-dir"], environment: environment, cwd: fixture.path)
    if git.succeeded {
      #expect(throws: Never.self) { try open(fixture) }
    } else {
      #expect(git.stderrText.contains("dubious ownership"))
      #expect(throws: GitError.repositoryOwnedByAnotherUser(path: fixture.path)) {
        try open(fixture)
      }
    }
  }
}

/// Handles handed to threads that each use one of them alone.
private final class HandleBox: @unchecked Sendable {
  let value: [Repository]
  init(_ value: [Repository]) { self.value = value }
}

private final class ResultsBox: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [[Oid?]]
  init(count: Int) { slots = Array(repeating: [], count: count) }
  func set(_ index: Int, _ value: [Oid?]) { lock.withLock { slots[index] = value } }
  var values: [[Oid?]] { lock.withLock { slots } }
}
