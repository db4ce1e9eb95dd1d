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
}
