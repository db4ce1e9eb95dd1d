import Foundation
import GitKit
import GitKitTestSupport
import TestSupport
import Testing

/// The in-memory object store answers as a repository with the same files does.
@Suite struct InMemoryObjectStoreTests {
  /// Names whose order in a tree depends on folders sorting as if they ended in `/`.
  static let texts = [
    "a": "file a\n", "a-b": "dash\n", "a.b": "dot\n", "b/c": "c\n", "b.c": "dot c\n",
    "b0/x": "x\n", "b/d/e": "deep\n", "A": "upper\n",
  ]

  @Test func listsFilesInGitsTreeOrder() throws {
    let fixture = try TemporaryRepository()
    for (path, text) in Self.texts { try fixture.write(path: path, contents: text) }
    let commit = try Oid(hex: fixture.commit(message: "names"))!
    let repository = try open(fixture)
    let store = InMemoryObjectStore()
    let stored = store.commit(texts: Self.texts)
    let onDisk = try repository.files(inTree: repository.links(of: commit).treeId)
    let inMemory = try store.files(inTree: store.links(of: stored).treeId)
    #expect(inMemory.map(\.path) == onDisk.map(\.path))
    #expect(inMemory.map(\.mode) == onDisk.map(\.mode))
  }

  @Test func equalContentSharesAnId() throws {
    let store = InMemoryObjectStore()
    let first = store.commit(texts: ["docs/a": "same\n", "b": "one\n"])
    let second = store.commit(texts: ["docs/a": "same\n", "b": "two\n"])
    let (old, new) = (try store.links(of: first).treeId, try store.links(of: second).treeId)
    #expect(
      try store.treeId(inTree: old, at: "docs") == (try store.treeId(inTree: new, at: "docs")))
    #expect(try store.levelChanges(from: old, to: new).map(\.name) == ["b"])
    #expect(try store.links(of: second).parentIds == [first])
    #expect(try store.resolveCommit("HEAD") == second)
    #expect(try store.resolveCommit(String(second.hex.prefix(12))) == second)
    #expect(throws: GitError.unknownRevision("nope")) { try store.resolveCommit("nope") }
  }
}
