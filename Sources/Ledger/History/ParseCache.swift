import BudgetKit
import Foundation
import GitKit

/// Parsed budget files by blob id, so a file that is the same in many commits is parsed once.
///
/// The key also holds the path, because a parsed file names its path in every location and
/// message; a renamed file is parsed again. The cache is bounded: when full, it forgets the
/// entries it learnt first, so memory stays flat however long the history.
/// Safe to share between threads: the parts of one history walk read on several threads share
/// one cache (each entry is looked up and stored under a lock; parsing happens outside it).
public final class ParseCache: @unchecked Sendable {
  private struct Key: Hashable {
    var blob: Oid
    var path: String
  }

  private let lock = NSLock()
  private var entries: [Key: ParsedFile] = [:]
  private var order: [Key] = []
  private var orderStart = 0
  public let capacity: Int
  /// How many files were parsed, and how many were served from the cache.
  public private(set) var misses = 0
  public private(set) var hits = 0

  public init(capacity: Int = 4096) {
    self.capacity = max(1, capacity)
  }

  public func file(blob: Oid, path: String) -> ParsedFile? {
    lock.lock()
    defer { lock.unlock() }
    let found = entries[Key(blob: blob, path: path)]
    if found != nil { hits += 1 }
    return found
  }

  public func store(_ file: ParsedFile, blob: Oid) {
    lock.lock()
    defer { lock.unlock() }
    let key = Key(blob: blob, path: file.path)
    misses += 1
    guard entries.updateValue(file, forKey: key) == nil else { return }
    order.append(key)
    if entries.count > capacity { evictOldest() }
  }

  private func evictOldest() {
    entries[order[orderStart]] = nil
    orderStart += 1
    // Compact the queue now and then instead of shifting it on every eviction.
    if orderStart > capacity {
      order.removeFirst(orderStart)
      orderStart = 0
    }
  }
}
