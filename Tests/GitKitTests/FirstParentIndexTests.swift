import Foundation
import GitKit
import TestSupport
import Testing

/// The first-parent index file: what is saved comes back, and anything else is ignored.
@Suite struct FirstParentIndexTests {
  private func temporaryPath() throws -> String { try temporaryIndexPath("first-parents-1") }

  private func oid(_ seed: Int) -> Oid { seededOid(seed) }

  private func sampleLinks() -> [CommitLinks] {
    [
      CommitLinks(
        id: oid(1), treeId: oid(2), parentIds: [], committerTime: Date(timeIntervalSince1970: 0)),
      CommitLinks(
        id: oid(3), treeId: oid(4), parentIds: [oid(1)],
        committerTime: Date(timeIntervalSince1970: 1_780_000_000)),
      CommitLinks(
        id: oid(5), treeId: oid(6), parentIds: [oid(3), oid(7), oid(8)],
        committerTime: Date(timeIntervalSince1970: -86_400)),
    ]
  }

  private func saved(at path: String) -> [CommitLinks] {
    let index = FirstParentIndex(path: path)
    let links = sampleLinks()
    for entry in links { index.record(entry) }
    index.save()
    return links
  }

  @Test func roundTrip() throws {
    let path = try temporaryPath()
    let links = saved(at: path)
    let read = FirstParentIndex(path: path)
    #expect(read.wasLoaded)
    #expect(read.count == links.count)
    #expect(!read.hasUnsavedEntries)
    for entry in links { #expect(read.links(of: entry.id) == entry) }
    #expect(read.links(of: oid(99)) == nil)
  }

  @Test func aMissingFileIsAnEmptyIndex() throws {
    let index = FirstParentIndex(path: try temporaryPath())
    #expect(!index.wasLoaded)
    #expect(index.count == 0)
  }

  @Test func savingAgainAddsToWhatIsThere() throws {
    let path = try temporaryPath()
    let links = saved(at: path)
    let more = FirstParentIndex(path: path)
    let extra = CommitLinks(
      id: oid(10), treeId: oid(11), parentIds: [oid(5)],
      committerTime: Date(timeIntervalSince1970: 1_790_000_000))
    more.record(extra)
    more.record(links[0])
    more.save()
    let read = FirstParentIndex(path: path)
    #expect(read.count == links.count + 1)
    #expect(read.links(of: extra.id) == extra)
  }

  /// Any byte changed, the file truncated anywhere, or a tail added: the index is ignored.
  @Test func aDamagedFileIsIgnoredAndReplaced() throws {
    let path = try temporaryPath()
    let links = saved(at: path)
    let good = try Data(contentsOf: URL(fileURLWithPath: path))
    for bytes in damagedCopies(of: good, every: 7) {
      try bytes.write(to: URL(fileURLWithPath: path))
      let read = FirstParentIndex(path: path)
      #expect(!read.wasLoaded)
      #expect(read.count == 0)
    }
    // A later walk's save replaces the damaged file with a good one.
    let index = FirstParentIndex(path: path)
    for entry in links { index.record(entry) }
    index.save()
    #expect(FirstParentIndex(path: path).wasLoaded)
  }

  @Test func anotherVersionIsIgnored() throws {
    let path = try temporaryPath()
    _ = saved(at: path)
    var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    bytes[8] = 2
    // The checksum made right again: only the version is foreign.
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes.dropLast(8) { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    withUnsafeBytes(of: hash.littleEndian) {
      bytes.replaceSubrange(bytes.count - 8..<bytes.count, with: $0)
    }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    #expect(!FirstParentIndex(path: path).wasLoaded)
    bytes[8] = 1
    hash = 0xcbf2_9ce4_8422_2325
    for byte in bytes.dropLast(8) { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    withUnsafeBytes(of: hash.littleEndian) {
      bytes.replaceSubrange(bytes.count - 8..<bytes.count, with: $0)
    }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    #expect(FirstParentIndex(path: path).wasLoaded)
  }

  @Test func anUnwritableFolderLeavesTheIndexInMemory() throws {
    let path = try temporaryPath()
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    // A file where the folder would be: nothing can be written there.
    try Data("x".utf8).write(to: folder)
    let index = FirstParentIndex(path: path)
    for entry in sampleLinks() { index.record(entry) }
    index.save()
    #expect(index.hasUnsavedEntries)
    #expect(index.links(of: oid(3)) != nil)
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  /// Processes saving at once each rename a whole file into place: whichever wins, the file
  /// read afterwards is valid and holds that writer's entries; no temporary file is left.
  @Test func concurrentWritersLeaveAWholeFile() async throws {
    let path = try temporaryPath()
    let writers = 8
    await withTaskGroup(of: Void.self) { group in
      for writer in 0..<writers {
        group.addTask {
          let index = FirstParentIndex(path: path)
          for entry in 0..<2_000 {
            index.record(
              CommitLinks(
                id: self.oid(writer * 10_000 + entry), treeId: self.oid(entry),
                parentIds: [self.oid(writer * 10_000 + entry + 1)],
                committerTime: Date(timeIntervalSince1970: TimeInterval(entry))))
          }
          index.save()
        }
      }
    }
    let read = FirstParentIndex(path: path)
    #expect(read.wasLoaded)
    #expect(read.count >= 2_000)
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["first-parents-1"])
  }

  @Test func shallowClonesAndReplacedObjectsHaveNoIndex() throws {
    let source = try TemporaryRepository()
    try source.write(path: "a.txt", contents: "1\n")
    try source.commit(message: "one")
    try source.write(path: "a.txt", contents: "2\n")
    try source.commit(message: "two")
    let full = try open(source)
    #expect(full.firstParentIndex() != nil)
    #expect(full.firstParentIndexPath.hasSuffix("/.git/bursar/first-parents-1"))

    let clone = try TemporaryRepository(cloning: source.url, arguments: ["--depth", "1"])
    #expect(try open(clone).firstParentIndex() == nil)

    let head = try source.git("rev-parse", "HEAD")
    let root = try source.git("rev-parse", "HEAD~1")
    _ = try source.git("replace", root, head)
    #expect(try open(source).firstParentIndex() == nil)
    _ = try source.git("replace", "-d", root)
    #expect(try open(source).firstParentIndex() != nil)
    try source.write(path: ".git/info/grafts", contents: "\(head)\n")
    #expect(try open(source).firstParentIndex() == nil)
  }
}
