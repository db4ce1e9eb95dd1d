import Foundation

/// A derived, persistent record of commits' links (tree, parents, committer time) met along
/// first-parent chains, so a later walk over the same history reads them from one file instead
/// of reading each commit from the object database.
///
/// A commit's links are facts about its id and never change, so an entry never goes stale: a
/// walk asks the index first, reads the commits it does not know, records them, and `save()`
/// writes the grown file back. The file is only ever a cache. One that is missing, unreadable,
/// truncated, of another format version or whose checksum does not match is ignored (and
/// replaced on the next save); one that cannot be written is left alone. Deleting it is always
/// safe.
///
/// The file (format version 1), all integers little-endian:
///
///     "BURSARFP" (8 bytes), version (UInt32), entry count (UInt32)
///     each entry: commit id (20 bytes), tree id (20), committer time in seconds (Int64),
///                 parent count (UInt8), the parent ids (20 bytes each)
///     checksum (UInt64): FNV-1a 64 of every byte before it
///
/// Saving writes a temporary file beside it and renames it into place, so a reader never sees
/// a half-written file, and of two walks saving at once the last rename wins whole.
public final class FirstParentIndex {
  /// The format version this build reads and writes; part of the file's name as well.
  public static let version: UInt32 = 1
  static let magic = Array("BURSARFP".utf8)
  /// The most parents an entry can hold; a commit with more is not recorded.
  static let maxParents = Int(UInt8.max)

  /// Where the file is read from and saved to.
  public let path: String
  private var read: (entries: [Oid: CommitLinks], valid: Bool)?
  private var entries: [Oid: CommitLinks] { load().entries }
  /// Entries recorded since the file was read.
  private var added = 0

  /// The index at `path`, read when first asked; an absent or invalid file gives an empty
  /// index.
  public init(path: String) {
    self.path = path
  }

  /// The size of the file in bytes (0 when there is none), known without reading it: a short
  /// walk over a large index is cheaper without it.
  public var fileSize: Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue
      ?? 0
  }

  /// Whether the file held a valid index when it was read.
  public var wasLoaded: Bool { load().valid }

  private func load() -> (entries: [Oid: CommitLinks], valid: Bool) {
    if let read { return read }
    let loaded: (entries: [Oid: CommitLinks], valid: Bool)
    if let data = FileManager.default.contents(atPath: path), let decoded = Self.decode(data) {
      loaded = (decoded, true)
    } else {
      loaded = ([:], false)
    }
    read = loaded
    return loaded
  }

  /// How many commits the index knows.
  public var count: Int { entries.count }

  /// Whether entries were recorded that the file does not hold yet.
  public var hasUnsavedEntries: Bool { added > 0 }

  /// The links of a commit, when recorded.
  public func links(of commit: Oid) -> CommitLinks? { entries[commit] }

  /// Records the links of a commit read from the object database.
  public func record(_ links: CommitLinks) {
    guard links.parentIds.count <= Self.maxParents, entries[links.id] == nil else { return }
    // Times before 1970 or beyond what Int64 seconds hold are not recorded: they would not
    // come back the same.
    let seconds = links.committerTime.timeIntervalSince1970
    guard seconds.rounded() == seconds, abs(seconds) < 9e15 else { return }
    // In place: the dictionary is not copied for each entry.
    read?.entries[links.id] = links
    added += 1
  }

  /// Writes the index when it has new entries: into a temporary file beside it, renamed into
  /// place. Failures (a read-only git directory, a full disk) leave the old file as it was and
  /// are not reported: the index is only a cache.
  public func save() {
    guard added > 0, IndexFileBytes.save(Self.encode(entries), to: path) else { return }
    added = 0
  }

  /// The bytes of a file holding these entries, in id order.
  static func encode(_ entries: [Oid: CommitLinks]) -> Data {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(4 + entries.count * 90)
    IndexFileBytes.append(UInt32(entries.count), to: &bytes)
    for links in entries.values.sorted(by: { $0.id < $1.id }) {
      IndexFileBytes.append(links.id, to: &bytes)
      IndexFileBytes.append(links.treeId, to: &bytes)
      IndexFileBytes.append(
        UInt64(bitPattern: Int64(links.committerTime.timeIntervalSince1970)), to: &bytes)
      bytes.append(UInt8(links.parentIds.count))
      for parent in links.parentIds { IndexFileBytes.append(parent, to: &bytes) }
    }
    return IndexFileBytes.file(magic: magic, version: version, body: bytes)
  }

  /// The entries of a file, or nil when it is not a whole, valid file of this version.
  static func decode(_ data: Data) -> [Oid: CommitLinks]? {
    IndexFileBytes.withBody(of: data, magic: magic, version: version) {
      (bytes: UnsafeRawBufferPointer) -> [Oid: CommitLinks]? in
      guard bytes.count >= 4 else { return nil }
      let count = Int(IndexFileBytes.load(UInt32.self, bytes, at: 0))
      // Each entry takes at least 49 bytes: a count beyond that is a damaged file.
      guard count <= (bytes.count - 4) / 49 else { return nil }
      var entries: [Oid: CommitLinks] = [:]
      entries.reserveCapacity(count)
      var offset = 4
      for _ in 0..<count {
        guard offset + 49 <= bytes.count else { return nil }
        let id = IndexFileBytes.oid(bytes, at: offset)
        let tree = IndexFileBytes.oid(bytes, at: offset + 20)
        let seconds = Int64(bitPattern: IndexFileBytes.load(UInt64.self, bytes, at: offset + 40))
        let parentCount = Int(bytes[offset + 48])
        offset += 49
        guard offset + parentCount * 20 <= bytes.count else { return nil }
        var parents: [Oid] = []
        parents.reserveCapacity(parentCount)
        for _ in 0..<parentCount {
          parents.append(IndexFileBytes.oid(bytes, at: offset))
          offset += 20
        }
        entries[id] = CommitLinks(
          id: id, treeId: tree, parentIds: parents,
          committerTime: Date(timeIntervalSince1970: TimeInterval(seconds)))
      }
      guard offset == bytes.count else { return nil }
      return entries
    }
  }
}
