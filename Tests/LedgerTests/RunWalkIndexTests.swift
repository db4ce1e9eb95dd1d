import Foundation
import GitKit
import TestSupport
import Testing

@testable import Ledger

/// A walk over a large first-parent index reads its first commits from git and the index only
/// once it is deep enough; what it finds is what a walk without the index finds, and the
/// commits it read before the index are added to it.
@Suite struct RunWalkIndexTests {
  /// Every commit the walk stops at, with its links, newest first.
  static func walk(
    _ repository: Repository, lookup: StoreRunLookup, head: Oid, largeIndexBytes: Int,
    commitsBeforeLargeIndex: Int
  ) throws -> [CommitLinks] {
    let walk = try RunWalk(
      repository: repository, runs: lookup, head: head, largeIndexBytes: largeIndexBytes,
      commitsBeforeLargeIndex: commitsBeforeLargeIndex)
    var found: [CommitLinks] = []
    while let links = try walk.nextCommitWithRuns() { found.append(links) }
    return found
  }

  @Test func aDeferredIndexIsReadOnceDeepAndLearnsTheCommitsReadBefore() throws {
    let fixture = try TemporaryRepository()
    var commits: [String] = []
    for index in 0..<30 {
      try fixture.write(path: "f.txt", contents: "\(index)\n")
      commits.append(try fixture.commit(message: "c\(index)"))
    }
    var repository = try Repository.discover(from: fixture.path)
    for commit in commits where commit.hasSuffix("0") || commits.firstIndex(of: commit)! % 3 == 0 {
      _ = try RunStoreTests.record(
        RunStoreTests.run(commit: commit, latency: "10ms"), in: repository)
    }
    let lookup = try StoreRunLookup(store: RunStore(repository: repository))
    let path = fixture.absolutePath(".git/bursar/first-parents-1")
    // Without an index: every commit from git, and the index written at the root.
    let plain = try Self.walk(
      repository, lookup: lookup, head: #require(Oid(hex: commits.last!)),
      largeIndexBytes: .max, commitsBeforeLargeIndex: 0)
    #expect(FirstParentIndex(path: path).count == 30)

    // Ten commits on top, then a walk that defers the index (any size is "large" here) until
    // it is five commits deep: it reads the five newest from git first.
    for index in 30..<40 {
      try fixture.write(path: "f.txt", contents: "\(index)\n")
      commits.append(try fixture.commit(message: "c\(index)"))
    }
    repository = try Repository.discover(from: fixture.path)
    _ = try RunStoreTests.record(
      RunStoreTests.run(commit: commits[38], latency: "11ms"), in: repository)
    let lookupAgain = try StoreRunLookup(store: RunStore(repository: repository))
    let head = try #require(Oid(hex: commits.last!))
    let deferred = try Self.walk(
      repository, lookup: lookupAgain, head: head, largeIndexBytes: 0, commitsBeforeLargeIndex: 5)
    // The stops and links git gives for the commits with runs.
    let withRuns = try fixture.gitLines("rev-list", "--first-parent", "HEAD").filter {
      lookupAgain.hasRuns(at: try #require(Oid(hex: $0)))
    }
    #expect(deferred.map(\.id.hex) == withRuns)
    for links in deferred {
      let git = try fixture.git("show", "-s", "--format=%T %P", links.id.hex)
        .trimmingCharacters(in: .whitespaces)
      #expect(([links.treeId] + links.parentIds).map(\.hex).joined(separator: " ") == git)
    }
    #expect(deferred.dropFirst().map(\.id) == plain.map(\.id))
    // The ten new commits are in the index now, those read before it was loaded too.
    let index = FirstParentIndex(path: path)
    #expect(index.count == 40)
    for commit in commits {
      #expect(index.links(of: try #require(Oid(hex: commit))) != nil)
    }
  }
}
