import CGit2
import Foundation

/// Compares one level of two raw tree objects (entries `MODE SP NAME NUL` and 20 bytes of id)
/// without building libgit2 trees: entries whose bytes are the same on both sides are passed
/// over with one `memcmp`, and only those that differ are copied.
///
/// It accepts only what libgit2's tree parser reads the same way (a mode of one to twelve octal
/// digits no larger than 0o177777, a non-empty name, a whole id, nothing left over) and
/// compares names as `git_tree_entry_cmp` does, so its changes are those of
/// `Repository.levelChanges` through libgit2. Anything else gives nil, and the caller reads
/// the trees through libgit2, which says what is wrong.
enum RawTreeComparison {
  /// One entry's place in its tree's bytes.
  private struct Entry {
    var start: Int
    var nameStart: Int
    /// The NUL after the name.
    var nameEnd: Int
    var mode: UInt32
    var end: Int { nameEnd + 21 }
    var isTree: Bool { TreeEntry.isTree(mode: mode) }
  }

  /// The changes between two levels, in tree order; nil when either is not a tree this
  /// comparison reads as libgit2 would.
  static func changes(_ old: UnsafeRawBufferPointer, _ new: UnsafeRawBufferPointer)
    -> [TreeLevelChange]?
  {
    var changes: [TreeLevelChange] = []
    var (i, j) = (0, 0)
    while i < old.count || j < new.count {
      // Byte-identical entries, the common case, are passed over without parsing them.
      if i < old.count, j < new.count, let length = identicalEntryLength(old, i, new, j) {
        i += length
        j += length
        continue
      }
      guard let before = entryOrEnd(at: i, in: old), let after = entryOrEnd(at: j, in: new)
      else { return nil }
      guard let before else {
        changes.append(TreeLevelChange(name: name(after!, new), old: nil, new: copy(after!, new)))
        j = after!.end
        continue
      }
      guard let after else {
        changes.append(TreeLevelChange(name: name(before, old), old: copy(before, old), new: nil))
        i = before.end
        continue
      }
      let order = compare(before, old, after, new)
      if order < 0 {
        changes.append(TreeLevelChange(name: name(before, old), old: copy(before, old), new: nil))
        i = before.end
      } else if order > 0 {
        changes.append(TreeLevelChange(name: name(after, new), old: nil, new: copy(after, new)))
        j = after.end
      } else {
        if before.mode != after.mode
          || memcmp(old.baseAddress! + before.nameEnd + 1, new.baseAddress! + after.nameEnd + 1, 20)
            != 0
        {
          changes.append(
            TreeLevelChange(
              name: name(before, old), old: copy(before, old), new: copy(after, new)))
        }
        i = before.end
        j = after.end
      }
    }
    return changes
  }

  /// The length of the entries at `i` and `j` when they are byte for byte the same whole
  /// entry, else nil.
  private static func identicalEntryLength(
    _ old: UnsafeRawBufferPointer, _ i: Int, _ new: UnsafeRawBufferPointer, _ j: Int
  ) -> Int? {
    guard let nul = index(of: 0, in: old, from: i) else { return nil }
    let length = nul + 21 - i
    guard nul + 21 <= old.count, j + length <= new.count,
      memcmp(old.baseAddress! + i, new.baseAddress! + j, length) == 0
    else { return nil }
    // The same bytes must still be a well-formed entry for libgit2 to have read them.
    return entry(at: i, in: old) == nil ? nil : length
  }

  /// The most digits a mode is read with here (leading zeros included); libgit2 reads longer
  /// spellings too, which are left to it.
  private static let maxModeDigits = 12

  /// The entry at `index`, `.some(nil)` at the end of the tree, or nil where libgit2 might
  /// read it otherwise.
  private static func entryOrEnd(at index: Int, in bytes: UnsafeRawBufferPointer) -> Entry?? {
    guard index < bytes.count else { return .some(nil) }
    return entry(at: index, in: bytes).map { .some($0) }
  }

  /// The entry starting at `start`, or nil where libgit2 might read it otherwise.
  private static func entry(at start: Int, in bytes: UnsafeRawBufferPointer) -> Entry? {
    var index = start
    var mode: UInt64 = 0
    while index < bytes.count, index - start <= maxModeDigits, (0x30...0x37).contains(bytes[index])
    {
      mode = mode * 8 + UInt64(bytes[index] - 0x30)
      index += 1
    }
    let digits = index - start
    guard (1...maxModeDigits).contains(digits), mode <= 0xFFFF, index < bytes.count,
      bytes[index] == UInt8(ascii: " ")
    else { return nil }
    let nameStart = index + 1
    guard let nul = GitKit.index(of: 0, in: bytes, from: nameStart), nul > nameStart,
      nul - nameStart <= 0xFFFF, nul + 21 <= bytes.count
    else { return nil }
    return Entry(start: start, nameStart: nameStart, nameEnd: nul, mode: UInt32(mode))
  }

  /// `git_tree_entry_cmp`: the names' common length compared as bytes, then the next byte of
  /// each, where a folder's name ends in `/`.
  private static func compare(
    _ a: Entry, _ aBytes: UnsafeRawBufferPointer, _ b: Entry, _ bBytes: UnsafeRawBufferPointer
  ) -> Int {
    let aLength = a.nameEnd - a.nameStart
    let bLength = b.nameEnd - b.nameStart
    let common = min(aLength, bLength)
    let prefix = memcmp(
      aBytes.baseAddress! + a.nameStart, bBytes.baseAddress! + b.nameStart, common)
    if prefix != 0 { return prefix < 0 ? -1 : 1 }
    // The byte after the common part: the NUL that ends a name counts as `/` for a folder.
    var x = aBytes[a.nameStart + common]
    var y = bBytes[b.nameStart + common]
    if x == 0, a.isTree { x = UInt8(ascii: "/") }
    if y == 0, b.isTree { y = UInt8(ascii: "/") }
    return x < y ? -1 : x > y ? 1 : 0
  }

  private static func name(_ entry: Entry, _ bytes: UnsafeRawBufferPointer) -> String {
    String(decoding: bytes[entry.nameStart..<entry.nameEnd], as: UTF8.self)
  }

  private static func copy(_ entry: Entry, _ bytes: UnsafeRawBufferPointer) -> TreeLevelEntry {
    let id = UnsafeRawBufferPointer(rebasing: bytes[(entry.nameEnd + 1)..<entry.end])
    return TreeLevelEntry(name: name(entry, bytes), id: Oid(rawBytes: id), mode: entry.mode)
  }
}
