import Foundation
import GitKit
import TestSupport
import Testing

/// The readers history walks rely on, checked against the git command line.
@Suite struct HistoryReadingTests {
  @Test func rawLinksMatchGit() throws {
    let fixture = try makeSampleRepository()
    let repository = try open(fixture)
    let reader = try repository.rawObjectReader()
    for hex in try fixture.gitLines("rev-list", "--all") {
      let id = try #require(Oid(hex: hex))
      let links = try reader.links(of: id)
      #expect(links.treeId.hex == (try fixture.git("rev-parse", "\(hex)^{tree}")))
      let parents = try fixture.git("log", "-1", "--format=%P", hex).split(separator: " ").map(
        String.init)
      #expect(links.parentIds.map(\.hex) == parents)
      let time = try fixture.git("log", "-1", "--format=%ct", hex)
      #expect(Int(links.committerTime.timeIntervalSince1970) == Int(time))
      #expect(links == (try repository.links(of: id)))
    }
  }

  @Test func rawTreeLookupMatchesLsTree() throws {
    let fixture = try makeSampleRepository()
    let repository = try open(fixture)
    let reader = try repository.rawObjectReader()
    let head = try gitCommit(fixture, "HEAD")
    let root = try repository.links(of: head).treeId
    #expect(
      try reader.treeId(inTree: root, at: ".budgets")?.hex
        == (try fixture.git("rev-parse", "HEAD:.budgets")))
    #expect(
      try reader.treeId(inTree: root, at: ".budgets/web")?.hex
        == (try fixture.git("rev-parse", "HEAD:.budgets/web")))
    #expect(try reader.treeId(inTree: root, at: "README") == nil)
    #expect(try reader.treeId(inTree: root, at: "missing") == nil)
  }

  @Test func levelChangesMatchDiffTree() throws {
    let fixture = try makeSampleRepository()
    let repository = try open(fixture)
    let revisions = try fixture.gitLines("rev-list", "--first-parent", "HEAD")
    for (newer, older) in zip(revisions, revisions.dropFirst()) {
      let old = try repository.links(of: try #require(Oid(hex: older))).treeId
      let new = try repository.links(of: try #require(Oid(hex: newer))).treeId
      let names = try repository.levelChanges(from: old, to: new).map(\.name)
      // Without -r, git diff-tree lists the top-level names that differ.
      let expected = try fixture.gitLines("diff-tree", "--name-only", older, newer)
      #expect(Set(names) == Set(expected), "\(older)..\(newer)")
    }
    let head = try repository.links(of: try gitCommit(fixture, "HEAD")).treeId
    #expect(try repository.levelChanges(from: head, to: head).isEmpty)
    #expect(
      try repository.levelChanges(from: nil, to: head).count
        == (try fixture.gitLines("ls-tree", "HEAD").count))
  }

  @Test func defaultListingAndComparisonMatchLibgit2() throws {
    let fixture = try makeSampleRepository()
    let repository = try open(fixture)
    let levels = LevelOnlyReader(repository)
    var trees: [Oid] = []
    for hex in try fixture.gitLines("rev-list", "--all") {
      trees.append(try repository.links(of: try #require(Oid(hex: hex))).treeId)
    }
    for tree in trees {
      #expect(try levels.files(inTree: tree) == (try repository.files(inTree: tree)))
      for other in trees {
        #expect(
          try levels.levelChanges(from: tree, to: other)
            == (try repository.levelChanges(from: tree, to: other)))
      }
      #expect(
        try levels.levelChanges(from: nil, to: tree)
          == (try repository.levelChanges(from: nil, to: tree)))
    }
  }
}

/// Reads through a repository but lists and compares trees with `ObjectReading`'s defaults,
/// which are built on `level(ofTree:)` alone.
private final class LevelOnlyReader: ObjectReading {
  let repository: Repository
  init(_ repository: Repository) { self.repository = repository }

  func links(of commit: Oid) throws(GitError) -> CommitLinks { try repository.links(of: commit) }
  func entry(named name: String, inTree tree: Oid) throws(GitError) -> TreeLevelEntry? {
    try repository.entry(named: name, inTree: tree)
  }
  func resolveCommit(_ revision: String) throws(GitError) -> Oid {
    try repository.resolveCommit(revision)
  }
  func commit(_ id: Oid) throws(GitError) -> CommitInfo { try repository.commit(id) }
  func level(ofTree treeId: Oid) throws(GitError) -> [TreeLevelEntry] {
    try repository.level(ofTree: treeId)
  }
  func blob(_ id: Oid, maxSize: Int, path: String?) throws(GitError) -> Data {
    try repository.blob(id, maxSize: maxSize, path: path)
  }
  func commitWalk(
    from heads: [Oid], hiding: [Oid], firstParentOnly: Bool, order: RevWalk.Order
  ) throws(GitError) -> any CommitWalk {
    try repository.commitWalk(
      from: heads, hiding: hiding, firstParentOnly: firstParentOnly, order: order)
  }
}
