import Foundation

/// A derived, persistent record of which folder one path names in trees: for each root tree
/// met, the id of the folder at `folderPath` in it (`.budgets`, say), or that there is none.
/// A long walk then finds each commit's folder from one file instead of reading each commit's
/// root tree, which in a packed repository means resolving a chain of deltas.
///
/// What a tree holds at a path is a fact about the tree's id and never changes, so an entry
/// never goes stale. Like `FirstParentIndex`, the file is only ever a cache: one that is
/// missing, unreadable, truncated, of another format version, for another path, or whose
/// checksum does not match is ignored (and replaced on the next save); one that cannot be
/// written is left alone. Deleting it is always safe. Threads may share one index: each
/// question and each record is answered under a lock.
///
/// The file (format version 1), all integers little-endian:
///
///     "BURSARFO" (8 bytes), version (UInt32)
///     the folder path's length (UInt32), its UTF-8 bytes
///     entry count (UInt32)
///     each entry: tree id (20 bytes), 1 and the folder's id (20), or 0 and 20 zero bytes
///     checksum (UInt64): FNV-1a 64 of every byte before it
public final class FolderIndex: @unchecked Sendable {
  /// The format version this build reads and writes; part of the file's name as well.
  public static let version: UInt32 = 1
  static let magic = Array("BURSARFO".utf8)
  static let entrySize = 41

  /// Where the file is read from and saved to.
  public let path: String
  /// The path inside each tree this index records.
  public let folderPath: String
  private let lock = NSLock()
  private var read: (entries: [Oid: Oid?], valid: Bool)?
  private var added = 0

  /// The index at `path` for `folderPath`, read when first asked; an absent or invalid file
  /// gives an empty index.
  public init(path: String, folderPath: String) {
    self.path = path
    self.folderPath = folderPath
  }

  /// Whether the file held a valid index for this path when it was read.
  public var wasLoaded: Bool { lock.withLock { loaded().valid } }

  /// How many trees the index knows.
  public var count: Int { lock.withLock { loaded().entries.count } }

  /// Whether entries were recorded that the file does not hold yet.
  public var hasUnsavedEntries: Bool { lock.withLock { added > 0 } }

  private func loaded() -> (entries: [Oid: Oid?], valid: Bool) {
    if let read { return read }
    var loaded: (entries: [Oid: Oid?], valid: Bool) = ([:], false)
    if let data = FileManager.default.contents(atPath: path),
      let decoded = Self.decode(data, folderPath: folderPath)
    {
      loaded = (decoded, true)
    }
    read = loaded
    return loaded
  }

  /// What the index knows of a tree: `.some(id)` or `.some(nil)` (no folder there) when
  /// recorded, nil when not.
  public func folder(inTree tree: Oid) -> Oid?? {
    lock.withLock { loaded().entries[tree] }
  }

  /// Records what a tree holds at the path.
  public func record(_ folder: Oid?, inTree tree: Oid) {
    lock.withLock {
      _ = loaded()
      guard read?.entries[tree] == nil else { return }
      read?.entries[tree] = .some(folder)
      added += 1
    }
  }

  /// The folder at the path in a tree, from the index when it knows the tree, else read
  /// through `reader` and recorded.
  public func folder(inTree tree: Oid, reading reader: any HistoryReading) throws(GitError) -> Oid?
  {
    if let known = folder(inTree: tree) { return known }
    let found = try reader.treeId(inTree: tree, at: folderPath)
    record(found, inTree: tree)
    return found
  }

  /// Writes the index when it has new entries, through a temporary file renamed into place.
  /// Failures leave the old file as it was and are not reported: the index is only a cache.
  public func save() {
    lock.withLock {
      guard added > 0, IndexFileBytes.save(Self.encode(loaded().entries, folderPath), to: path)
      else { return }
      added = 0
    }
  }

  /// The bytes of a file holding these entries, in tree id order.
  static func encode(_ entries: [Oid: Oid?], _ folderPath: String) -> Data {
    let name = Array(folderPath.utf8)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(8 + name.count + entries.count * entrySize)
    IndexFileBytes.append(UInt32(name.count), to: &bytes)
    bytes += name
    IndexFileBytes.append(UInt32(entries.count), to: &bytes)
    for (tree, folder) in entries.sorted(by: { $0.key < $1.key }) {
      IndexFileBytes.append(tree, to: &bytes)
      if let folder {
        bytes.append(1)
        IndexFileBytes.append(folder, to: &bytes)
      } else {
        bytes += [UInt8](repeating: 0, count: 21)
      }
    }
    return IndexFileBytes.file(magic: magic, version: version, body: bytes)
  }

  /// The entries of a file, or nil when it is not a whole, valid file of this version for
  /// this path.
  static func decode(_ data: Data, folderPath: String) -> [Oid: Oid?]? {
    let name = Array(folderPath.utf8)
    return IndexFileBytes.withBody(of: data, magic: magic, version: version) {
      (bytes: UnsafeRawBufferPointer) -> [Oid: Oid?]? in
      guard bytes.count >= 8 + name.count,
        Int(IndexFileBytes.load(UInt32.self, bytes, at: 0)) == name.count,
        name.elementsEqual(bytes[4..<4 + name.count])
      else { return nil }
      let start = 8 + name.count
      let count = Int(IndexFileBytes.load(UInt32.self, bytes, at: 4 + name.count))
      guard (bytes.count - start) % entrySize == 0, count == (bytes.count - start) / entrySize
      else { return nil }
      var entries: [Oid: Oid?] = [:]
      entries.reserveCapacity(count)
      for index in 0..<count {
        let offset = start + index * entrySize
        let tree = IndexFileBytes.oid(bytes, at: offset)
        switch bytes[offset + 20] {
        case 1: entries[tree] = .some(IndexFileBytes.oid(bytes, at: offset + 21))
        case 0: entries[tree] = .some(nil)
        default: return nil
        }
      }
      return entries
    }
  }
}
