import CGit2
import Foundation

/// Reads the header lines of a raw commit: `tree`, `parent` and `committer`.
enum CommitHeader {
  static func parse(_ bytes: UnsafeRawBufferPointer, id: Oid) -> CommitLinks? {
    var tree: Oid?
    var parents: [Oid] = []
    var time: Int?
    var start = 0
    while start < bytes.count {
      let end = index(of: UInt8(ascii: "\n"), in: bytes, from: start) ?? bytes.count
      // The header ends at the first empty line; the message follows.
      if end == start { break }
      let line = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
      if let value = value(of: "tree ", in: line) {
        tree = oid(value)
      } else if let value = value(of: "parent ", in: line) {
        guard let parent = oid(value) else { return nil }
        parents.append(parent)
      } else if let value = value(of: "committer ", in: line) {
        time = timestamp(value)
      }
      start = end + 1
    }
    guard let tree else { return nil }
    let date = Date(timeIntervalSince1970: TimeInterval(time ?? 0))
    return CommitLinks(id: id, treeId: tree, parentIds: parents, committerTime: date)
  }

  private static func value(of key: StaticString, in line: UnsafeRawBufferPointer)
    -> UnsafeRawBufferPointer?
  {
    let count = key.utf8CodeUnitCount
    guard line.count >= count, memcmp(line.baseAddress!, key.utf8Start, count) == 0 else {
      return nil
    }
    return UnsafeRawBufferPointer(rebasing: line[count...])
  }

  /// The 40 hexadecimal digits at the start of `text`, parsed straight from the raw bytes.
  private static func oid(_ text: UnsafeRawBufferPointer) -> Oid? {
    guard text.count >= Oid.hexLength else { return nil }
    return Oid.parse(hexDigits: UnsafeRawBufferPointer(rebasing: text[0..<Oid.hexLength]))
  }

  /// The seconds in `Name <email> 1700000000 +0100`: the next-to-last field.
  private static func timestamp(_ text: UnsafeRawBufferPointer) -> Int? {
    let fields = text.split(separator: UInt8(ascii: " "))
    guard fields.count >= 2 else { return nil }
    return Int(String(decoding: fields[fields.count - 2], as: UTF8.self))
  }
}

/// The position of the first `byte` at or after `start`, found with `memchr`.
func index(of byte: UInt8, in bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
  guard start < bytes.count, let base = bytes.baseAddress,
    let found = memchr(base + start, Int32(byte), bytes.count - start)
  else { return nil }
  return base.distance(to: UnsafeRawPointer(found))
}

/// Finds a name in a raw tree: entries are `MODE SP NAME NUL` and 20 bytes of id.
enum TreeScanner {
  static func entry(named name: [UInt8], in bytes: UnsafeRawBufferPointer) -> TreeLevelEntry? {
    var index = 0
    while index < bytes.count {
      guard let space = GitKit.index(of: UInt8(ascii: " "), in: bytes, from: index),
        let nul = GitKit.index(of: 0, in: bytes, from: space), nul + 21 <= bytes.count
      else { return nil }
      let nameBytes = bytes[(space + 1)..<nul]
      if nameBytes.elementsEqual(name) {
        let mode = UInt32(String(decoding: bytes[index..<space], as: UTF8.self), radix: 8) ?? 0
        let id = Oid(rawBytes: UnsafeRawBufferPointer(rebasing: bytes[(nul + 1)..<(nul + 21)]))
        return TreeLevelEntry(name: String(decoding: name, as: UTF8.self), id: id, mode: mode)
      }
      index = nul + 21
    }
    return nil
  }
}
