import Foundation
import TestSupport
import Testing

@testable import GitKit

/// Comparing raw tree objects gives libgit2's changes: on random levels written byte for byte
/// (tricky names and orders, every mode, odd mode spellings), their random edits, and trees
/// libgit2 refuses, where it hands over to libgit2.
@Suite struct RawTreeComparisonTests {
  /// Names whose order is easy to get wrong: prefixes of one another, bytes on either side of
  /// `/`, a file and a folder of one name, accents, and bytes that are not UTF-8.
  static let names: [[UInt8]] =
    [
      "a", "a-b", "a.b", "a0", "a_", "ab", "b", "B", "é", "e\u{301}", "z", "0", " a", "a b",
      "model-0001.yaml", "model-0001.yam", "model-0001.yaml~",
    ].map { Array($0.utf8) } + [[0xFF], [0x61, 0xC3], [0x61, 0x2F, 0x62], [0x2F]]

  /// Mode spellings libgit2 reads, and their numbers.
  static let modes: [String] = [
    "100644", "100755", "120000", "40000", "040000", "160000", "100664", "644", "0", "0100644",
    "000000100644",
  ]

  struct Entry {
    var mode: String
    var name: [UInt8]
    var id: [UInt8]
  }

  static func bytes(_ entries: [Entry]) -> Data {
    var data = Data()
    for entry in entries {
      data += Data(entry.mode.utf8) + Data([0x20]) + Data(entry.name) + Data([0]) + Data(entry.id)
    }
    return data
  }

  static func randomId(_ random: inout SeededGenerator) -> [UInt8] {
    // Few distinct ids, so equal ids on both sides are common.
    let seed = UInt8(random.next(4))
    return (0..<20).map { UInt8(truncatingIfNeeded: Int(seed) &* 37 &+ $0) }
  }

  static func randomLevel(_ random: inout SeededGenerator) -> [Entry] {
    var entries: [Entry] = []
    for name in names where random.next(3) == 0 {
      entries.append(
        Entry(mode: modes[random.next(modes.count)], name: name, id: randomId(&random)))
    }
    // Mostly git's order; sometimes as written, or with a name twice.
    switch random.next(6) {
    case 0: entries.shuffle(using: &random)
    case 1: if let first = entries.first { entries.append(first) }
    default: entries.sort { order($0, $1) }
    }
    return entries
  }

  /// git's tree order, a folder's name counting as if it ended in `/`.
  static func order(_ a: Entry, _ b: Entry) -> Bool {
    let folder = { (entry: Entry) in (UInt32(entry.mode, radix: 8) ?? 0) & 0o170000 == 0o040000 }
    let left = a.name + (folder(a) ? [0x2F] : [])
    let right = b.name + (folder(b) ? [0x2F] : [])
    return left.lexicographicallyPrecedes(right)
  }

  static func edited(_ level: [Entry], _ random: inout SeededGenerator) -> [Entry] {
    var level = level
    for _ in 0..<(1 + random.next(3)) {
      switch random.next(4) {
      case 0 where !level.isEmpty: level[random.next(level.count)].id = randomId(&random)
      case 1 where !level.isEmpty:
        level[random.next(level.count)].mode = modes[random.next(modes.count)]
      case 2 where !level.isEmpty: level.remove(at: random.next(level.count))
      default:
        level.insert(
          Entry(
            mode: modes[random.next(modes.count)], name: names[random.next(names.count)],
            id: randomId(&random)), at: random.next(level.count + 1))
      }
    }
    return level
  }

  /// Writes each raw tree as a loose object, as it is, and returns their ids in order.
  static func write(_ trees: [Data], in fixture: TemporaryRepository) throws -> [Oid] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "raw-trees-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var paths: [String] = []
    for (index, tree) in trees.enumerated() {
      let path = folder.appendingPathComponent("\(index)").path
      try tree.write(to: URL(fileURLWithPath: path))
      paths.append(path)
    }
    let ids = try fixture.git(["hash-object", "-t", "tree", "--literally", "-w"] + paths)
      .split(separator: "\n").map { Oid(hex: String($0)) }
    return try ids.map { try #require($0) }
  }

  /// The comparison through the raw objects, when it answers, is libgit2's; when it does not,
  /// `levelChanges` answers as libgit2 does, changes or error.
  static func expectSameAsLibgit2(
    _ repository: Repository, _ old: Oid?, _ new: Oid?, _ what: String
  ) -> Bool {
    let raw = repository.rawLevelChanges(from: old, to: new)
    let libgit2 = Result { () throws(GitError) in
      try repository.libgit2LevelChanges(from: old, to: new)
    }
    let public_ = Result { () throws(GitError) in try repository.levelChanges(from: old, to: new) }
    if let raw {
      #expect(raw == (try? libgit2.get()), "\(what)")
    }
    switch (public_, libgit2) {
    case (.success(let a), .success(let b)): #expect(a == b, "\(what)")
    case (.failure(let a), .failure(let b)): #expect("\(a)" == "\(b)", "\(what)")
    default: Issue.record("levelChanges and libgit2 disagree on \(what): \(public_) \(libgit2)")
    }
    return raw != nil
  }

  @Test func randomLevelsAndTheirEditsCompareAsLibgit2Does() throws {
    let fixture = try TemporaryRepository()
    let repository = try open(fixture)
    var random = SeededGenerator(seed: 0x7265_6574)
    var levels: [[Entry]] = [[]]
    for _ in 0..<150 {
      let level = Self.randomLevel(&random)
      levels.append(level)
      levels.append(Self.edited(level, &random))
    }
    let ids = try Self.write(levels.map(Self.bytes), in: fixture)
    var answered = 0
    var pairs = 0
    for index in stride(from: 1, to: ids.count, by: 2) {
      // Each level against its edit both ways, against the next level, and against nothing.
      let pairsHere: [(Oid?, Oid?)] = [
        (ids[index], ids[index + 1]), (ids[index + 1], ids[index]),
        (ids[index], ids[(index + 2) % ids.count]), (nil, ids[index]), (ids[index], nil),
      ]
      for (old, new) in pairsHere {
        pairs += 1
        if Self.expectSameAsLibgit2(repository, old, new, "level \(index)") { answered += 1 }
      }
    }
    // The raw comparison answers nearly all of them, so the comparison above is not empty.
    #expect(answered > pairs * 3 / 4, "\(answered) of \(pairs)")
  }

  @Test func treesLibgit2RefusesAreLeftToIt() throws {
    let fixture = try TemporaryRepository()
    let repository = try open(fixture)
    let id = [UInt8](repeating: 0xAB, count: 20)
    let good = Self.bytes([Entry(mode: "100644", name: Array("a".utf8), id: id)])
    let damaged: [Data] = [
      good.dropLast(),  // the id cut short
      Data("100644a\0".utf8) + Data(id),  // no space after the mode
      Data("100648 a\0".utf8) + Data(id),  // not an octal mode
      Data(" 100644 a\0".utf8) + Data(id),  // a space before the mode
      Data("100644 \0".utf8) + Data(id),  // no name
      Data("100644 a".utf8),  // no NUL after the name
      Data("2000000 a\0".utf8) + Data(id),  // a mode larger than libgit2 holds
      Data("0000000000100644 a\0".utf8) + Data(id),  // a long spelling libgit2 reads; left to it
      good + Data("1".utf8),  // something after the last entry
    ]
    let ids = try Self.write([good] + damaged, in: fixture)
    for (index, damagedId) in ids.dropFirst().enumerated() {
      #expect(repository.rawLevelChanges(from: ids[0], to: damagedId) == nil, "case \(index)")
      _ = Self.expectSameAsLibgit2(repository, ids[0], damagedId, "case \(index)")
      _ = Self.expectSameAsLibgit2(repository, damagedId, ids[0], "case \(index), reversed")
    }
    // An object that is not a tree, and one that does not exist.
    let blob = try #require(
      Oid(hex: try fixture.git(["hash-object", "-w", "--stdin"], stdin: Data("x".utf8))))
    let absent = try #require(Oid(hex: String(repeating: "12", count: 20)))
    for other in [blob, absent] {
      #expect(repository.rawLevelChanges(from: ids[0], to: other) == nil)
      _ = Self.expectSameAsLibgit2(repository, ids[0], other, "\(other)")
    }
  }
}
