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
    let root = try repository.links(of: gitCommit(fixture, "HEAD")).treeId
    let readers: [any HistoryReading] = [repository, try repository.rawObjectReader()]
    for reader in readers {
      for path in [".budgets", ".budgets/web", "dir with space", "tools"] {
        let expected = try fixture.git("rev-parse", "HEAD:\(path)")
        #expect(try reader.treeId(inTree: root, at: path)?.hex == expected, "\(path)")
        #expect(try reader.treeId(inTree: root, at: "./\(path)/")?.hex == expected, "\(path)")
      }
      #expect(try reader.treeId(inTree: root, at: "") == root)
      #expect(try reader.treeId(inTree: root, at: ".") == root)
      for path in ["absent", ".budgets/absent", "README", "README/below", "link", "vendor/sub"] {
        #expect(try reader.treeId(inTree: root, at: path) == nil, "\(path)")
      }
    }
  }

  @Test func lookupSaysFoundMissingOrNotAFolder() throws {
    let fixture = try makeSampleRepository()
    let repository = try open(fixture)
    let root = try repository.links(of: gitCommit(fixture, "HEAD")).treeId
    let readers: [any HistoryReading] = [repository, try repository.rawObjectReader()]
    for reader in readers {
      for path in ["README", ".budgets/web", "tools/run.sh", "link", "vendor/sub"] {
        let line = try fixture.git("ls-tree", "HEAD", path)
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let name = String(path.split(separator: "/").last!)
        let expected = TreeLevelEntry(
          name: name, id: Oid(hex: fields[2])!, mode: UInt32(fields[0], radix: 8)!)
        #expect(try reader.lookup(path, inTree: root) == .found(expected), "\(path)")
      }
      #expect(try reader.lookup("absent", inTree: root) == .missing)
      #expect(try reader.lookup(".budgets/web/absent.yaml", inTree: root) == .missing)
      #expect(try reader.lookup("README/below", inTree: root) == .notAFolder("README"))
      #expect(try reader.lookup("tools/run.sh/x/y", inTree: root) == .notAFolder("tools/run.sh"))
      #expect(try reader.lookup("link/target", inTree: root) == .notAFolder("link"))
      #expect(
        try reader.lookup("", inTree: root)
          == .found(TreeLevelEntry(name: "", id: root, mode: TreeLevelEntry.folderMode)))
    }
  }

  @Test func listsFilesUnderAFolderOfACommit() throws {
    let fixture = try makeSampleRepository()
    let repository = try open(fixture)
    for revision in ["HEAD", "v1", "feature"] {
      let root = try repository.links(of: gitCommit(fixture, revision)).treeId
      let folder = try #require(try repository.treeId(inTree: root, at: ".budgets"))
      let files = try repository.files(inTree: folder)
      #expect(describe(files) == (try lsTree(fixture, "\(revision):.budgets")))
    }
  }

  @Test func kindsFollowFileModes() throws {
    let fixture = try makeSampleRepository()
    let repository = try open(fixture)
    let files = try repository.files(
      inTree: repository.links(of: gitCommit(fixture, "HEAD")).treeId)
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

  @Test func aFileWhereAFolderWasExpectedIsFoundAsAFile() throws {
    let fixture = try makeSampleRepository()
    try fixture.remove(path: ".budgets")
    try fixture.write(path: ".budgets", contents: "not a folder\n")
    let commit = try Oid(hex: fixture.commit(message: "budgets as a file"))!
    let repository = try open(fixture)
    let root = try repository.links(of: commit).treeId
    let blob = try fixture.git("rev-parse", "HEAD:.budgets")
    #expect(try fixture.git("cat-file", "-t", blob) == "blob")
    let found = TreeLevelEntry(name: ".budgets", id: Oid(hex: blob)!, mode: 0o100644)
    #expect(try repository.lookup(".budgets", inTree: root) == .found(found))
    #expect(try repository.lookup(".budgets/a.yaml", inTree: root) == .notAFolder(".budgets"))
    #expect(try repository.treeId(inTree: root, at: ".budgets") == nil)
  }
}
