import Foundation
import GitKit
import TestSupport
import Testing

@Suite struct TreeTests {
  @Test func listsTreesRecursivelyLikeLsTree() throws {
    let fixture = try makeSampleRepository()
    let repository = try open(fixture)
    for revision in ["HEAD", "v1", "feature"] {
      let tree = try Oid(hex: fixture.git("rev-parse", "\(revision)^{tree}"))!
      #expect(describe(try repository.files(inTree: tree)) == (try lsTree(fixture, revision)))
    }
  }

  @Test func findsSubTreesByPath() throws {
    let fixture = try makeSampleRepository()
    let repository = try open(fixture)
    let head = try gitCommit(fixture, "HEAD")
    for path in [".budgets", ".budgets/web", "dir with space", "tools"] {
      let expected = try fixture.git("rev-parse", "HEAD:\(path)")
      #expect(try repository.treeId(of: head, at: path)?.hex == expected, "\(path)")
      #expect(try repository.treeId(of: head, at: "./\(path)/")?.hex == expected, "\(path)")
    }
    #expect(
      try repository.treeId(of: head, at: "")?.hex == (try fixture.git("rev-parse", "HEAD^{tree}")))
    for path in ["absent", ".budgets/absent", "README", "README/below", "link", "vendor/sub"] {
      #expect(try repository.treeId(of: head, at: path) == nil, "\(path)")
    }
  }

  @Test func listsFilesUnderAFolderOfACommit() throws {
    let fixture = try makeSampleRepository()
    let repository = try open(fixture)
    for revision in ["HEAD", "v1", "feature"] {
      let commit = try gitCommit(fixture, revision)
      let files = try #require(try repository.files(atCommit: commit, under: ".budgets"))
      #expect(describe(files) == (try lsTree(fixture, "\(revision):.budgets")))
    }
    #expect(try repository.files(atCommit: gitCommit(fixture, "HEAD"), under: "absent") == nil)
  }

  @Test func kindsFollowFileModes() throws {
    let fixture = try makeSampleRepository()
    let repository = try open(fixture)
    let files = try #require(try repository.files(atCommit: gitCommit(fixture, "HEAD"), under: ""))
    let kinds = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.kind) })
    #expect(kinds["README"] == .file)
    #expect(kinds["tools/run.sh"] == .executable)
    #expect(kinds["link"] == .symlink)
    #expect(kinds[".budgets/alias.yaml"] == .symlink)
    #expect(kinds["vendor/sub"] == .submodule)
    #expect(kinds["dir with space/caf\u{e9}.txt"] == .file)
    let link = try #require(files.first { $0.path == "link" })
    #expect(try repository.blob(link.id, maxSize: 100) == Data("README".utf8))
  }

  @Test func aFileWhereAFolderWasExpectedIsMarked() throws {
    let fixture = try makeSampleRepository()
    try fixture.remove(path: ".budgets")
    try fixture.write(path: ".budgets", contents: "not a folder\n")
    let commit = try Oid(hex: fixture.commit(message: "budgets as a file"))!
    let repository = try open(fixture)
    let entries = try #require(try repository.files(atCommit: commit, under: ".budgets"))
    let blob = try fixture.git("rev-parse", "HEAD:.budgets")
    #expect(try fixture.git("cat-file", "-t", blob) == "blob")
    #expect(
      entries == [
        TreeEntry(path: ".budgets", id: Oid(hex: blob)!, kind: .notADirectory, mode: 0o100644)
      ])
    #expect(try repository.treeId(of: commit, at: ".budgets") == nil)
  }
}
