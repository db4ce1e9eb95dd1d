import BudgetKit
import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads `.budgets/` from the files on disk, never following symbolic links.
///
/// Nothing is dropped without a word: a file that cannot be read, a folder that cannot be
/// listed and a folder deeper than `maxDepth` are each reported as unreadable, with the reason.
struct WorkTreeReader {
  /// How many folders deep below `.budgets/` the walk goes.
  static let maxDepth = 32

  let workTree: String
  let root: String
  let limits: ReadLimits

  /// What the walk found at one path, before any file is read.
  private struct Entry {
    var path: String
    var shown: String
    var kind: Kind
    var size: Int
  }

  private enum Kind {
    case regular
    case symlink
    case other
    /// A folder that was not read, and why.
    case unread(String)
  }

  func snapshot() throws(LedgerError) -> BudgetSnapshot {
    let folder = "\(workTree)/\(root)"
    switch Self.status(folder)?.type {
    case nil: throw .noBudgetsFolder(source: .workTree, remedy: .initialise)
    case .directory?: break
    default:
      return BudgetSnapshot(
        files: [],
        diagnostics: [
          Diagnostic(
            .budgetsNotDirectory, at: .start(of: root), "`\(root)` is not a folder",
            remedy: .replaceBudgetsFile(root: root))
        ])
    }
    var entries: [Entry] = []
    walk(folder: folder, relative: root, depth: 0, into: &entries)
    // Files are read as the loader asks for them, a batch at a time.
    let sorted = entries.sorted { $0.shown < $1.shown }
    return BudgetSnapshot(paths: sorted.map(\.shown)) { read(Array(sorted[$0])) }
  }

  private func walk(folder: String, relative: String, depth: Int, into entries: inout [Entry]) {
    guard depth < Self.maxDepth else {
      let reason =
        "a folder more than \(Self.maxDepth) levels below \(root)/; bursar reads no deeper, so nothing in it is checked"
      entries.append(Entry(path: folder, shown: relative, kind: .unread(reason), size: 0))
      return
    }
    let names: [String]
    switch Self.list(folder) {
    case .success(let listed): names = listed
    case .failure(let error):
      let reason = "the folder cannot be listed: \(error)"
      entries.append(Entry(path: folder, shown: relative, kind: .unread(reason), size: 0))
      return
    }
    for name in names.sorted() {
      guard entries.count <= limits.maxFiles else { return }
      let path = "\(folder)/\(name)"
      let shown = "\(relative)/\(name)"
      let status = Self.status(path)
      switch status?.type {
      case .directory?: walk(folder: path, relative: shown, depth: depth + 1, into: &entries)
      case .regular?:
        entries.append(Entry(path: path, shown: shown, kind: .regular, size: status?.size ?? 0))
      case .symlink?: entries.append(Entry(path: path, shown: shown, kind: .symlink, size: 0))
      default: entries.append(Entry(path: path, shown: shown, kind: .other, size: 0))
      }
    }
  }

  /// The files' contents, read in parallel: each file is independent, and on a tree of thousands
  /// of files reading them one after another is a good part of the time.
  private func read(_ entries: [Entry]) -> [BudgetSourceFile] {
    let contents = ContentSlots(count: entries.count)
    DispatchQueue.concurrentPerform(iterations: entries.count) { index in
      let entry = entries[index]
      switch entry.kind {
      case .regular: contents[index] = read(entry.path, shown: entry.shown, size: entry.size)
      case .symlink: contents[index] = .symlink
      case .other: contents[index] = .other("not a regular file")
      case .unread(let reason): contents[index] = .unreadable(reason)
      }
    }
    return entries.indices.map { BudgetSourceFile(path: entries[$0].shown, content: contents[$0]) }
  }

  private func read(_ path: String, shown: String, size: Int) -> BudgetSourceFile.Content {
    guard BudgetSourceFile.isYAMLName(shown) else { return .bytes([]) }
    guard size <= limits.maxFileBytes else { return .tooLarge(size) }
    // No link is followed and nothing blocks, even if the entry changed since the walk saw it.
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
    guard descriptor >= 0 else { return .unreadable(Self.openFailure(.last)) }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      return .unreadable(FileAccessError.last.description)
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: return .unreadable(FileAccessError(code: EISDIR).description)
    default: return .unreadable("not a regular file")
    }
    // Read one byte past the limit, so a file that grew since it was measured is still caught.
    let capacity = limits.maxFileBytes + 1
    var bytes = [UInt8](repeating: 0, count: min(size + 1, capacity))
    var filled = 0
    while filled < capacity {
      if filled == bytes.count {
        bytes += [UInt8](repeating: 0, count: min(bytes.count, capacity - filled))
      }
      let count = bytes.withUnsafeMutableBytes { buffer in
        systemRead(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
      }
      if count < 0 && errno == EINTR { continue }
      guard count >= 0 else { return .unreadable(FileAccessError.last.description) }
      if count == 0 { break }
      filled += count
    }
    guard filled <= limits.maxFileBytes else { return .tooLarge(filled) }
    bytes.removeSubrange(filled...)
    return .bytes(bytes)
  }

  /// Why a file the walk found could not be opened. The walk saw a regular file there, so a
  /// missing file was removed since, and a link (refused by `O_NOFOLLOW`) was put in its place.
  static func openFailure(_ error: FileAccessError) -> String {
    switch error.code {
    case ENOENT: "no such file (it was removed while bursar read the folder)"
    case ELOOP: "it is a symbolic link, which bursar does not follow"
    default: error.description
    }
  }

  /// The names in a folder, or why it cannot be listed.
  static func list(_ folder: String) -> Result<[String], FileAccessError> {
    guard let directory = opendir(folder) else { return .failure(.last) }
    defer { closedir(directory) }
    var names: [String] = []
    while true {
      errno = 0
      guard let entry = readdir(directory) else {
        return errno == 0 ? .success(names) : .failure(.last)
      }
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
  }

  /// The type and size of a path without following a final symbolic link, or nil when it
  /// cannot be examined.
  static func status(_ path: String) -> (type: FileType, size: Int)? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    let type: FileType
    switch info.st_mode & S_IFMT {
    case S_IFDIR: type = .directory
    case S_IFREG: type = .regular
    case S_IFLNK: type = .symlink
    default: type = .other
    }
    return (type, Int(info.st_size))
  }

  enum FileType {
    case directory
    case regular
    case symlink
    case other
  }
}

/// `read(2)`, named apart from the reader's own `read` methods.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int
{
  #if canImport(Glibc)
    Glibc.read(descriptor, buffer, count)
  #else
    Darwin.read(descriptor, buffer, count)
  #endif
}

/// One content per file, written by index from concurrent iterations; each index once.
private final class ContentSlots: @unchecked Sendable {
  private var storage: [BudgetSourceFile.Content]
  private let lock = NSLock()

  init(count: Int) {
    storage = Array(repeating: .bytes([]), count: count)
  }

  subscript(index: Int) -> BudgetSourceFile.Content {
    get { lock.withLock { storage[index] } }
    set { lock.withLock { storage[index] = newValue } }
  }
}
