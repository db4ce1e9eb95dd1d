import Foundation
import GitKit
import Synchronization
import TestSupport
import Testing

/// Notes written with GitKit, read back by GitKit and by `git notes` as the oracle.
@Suite("Notes")
struct NoteTests {
  static let ref = "refs/notes/test/pushes"
  static let signature = Signature(
    name: "server", email: "server@example.com", time: Date(timeIntervalSince1970: 1_800_000_000),
    offsetMinutes: 0)

  private func fixture(commits: Int) throws -> (TemporaryRepository, [Oid]) {
    let repository = try TemporaryRepository()
    var ids: [Oid] = []
    for index in 0..<commits {
      try repository.write(path: "f", contents: "\(index)\n")
      ids.append(try #require(Oid(hex: try repository.commit(message: "c\(index)"))))
    }
    return (repository, ids)
  }

  @Test("a note is created, appended to, read back, and git notes sees the same text")
  func appendAndRead() throws {
    let (repository, ids) = try fixture(commits: 2)
    let repo = try open(repository)
    #expect(try repo.note(on: ids[0], notesRef: Self.ref) == nil)
    #expect(try repo.annotatedObjects(notesRef: Self.ref).isEmpty)
    try repo.appendNote("first\n", on: ids[0], notesRef: Self.ref, signature: Self.signature)
    try repo.appendNote("second\n", on: ids[0], notesRef: Self.ref, signature: Self.signature)
    try repo.appendNote("other\n", on: ids[1], notesRef: Self.ref, signature: Self.signature)
    #expect(try repo.note(on: ids[0], notesRef: Self.ref) == "first\n\nsecond\n")
    #expect(try repo.annotatedObjects(notesRef: Self.ref) == Set(ids))
    let shown = try repository.git("notes", "--ref", Self.ref, "show", ids[0].hex)
    #expect(shown == "first\n\nsecond")
    #expect(try repository.gitLines("rev-list", Self.ref).count == 3)
  }

  @Test("writers racing on one notes ref lose no note")
  func concurrentWriters() throws {
    let (repository, ids) = try fixture(commits: 4)
    let writers = 12
    let failures = Mutex(0)
    let path = repository.path
    DispatchQueue.concurrentPerform(iterations: writers) { index in
      do {
        let repo = try Repository.discover(from: path, environment: [:])
        try repo.appendNote(
          "writer \(index)\n", on: ids[index % ids.count], notesRef: Self.ref,
          signature: Self.signature)
      } catch {
        failures.withLock { $0 += 1 }
      }
    }
    #expect(failures.withLock { $0 } == 0)
    let repo = try open(repository)
    var written: [String] = []
    for id in ids {
      let text = try #require(try repo.note(on: id, notesRef: Self.ref))
      written += text.split(separator: "\n").map(String.init)
    }
    #expect(written.sorted() == (0..<writers).map { "writer \($0)" }.sorted())
    // One notes commit per writer, each on top of the one before.
    #expect(try repository.gitLines("rev-list", Self.ref).count == writers)
  }
}
