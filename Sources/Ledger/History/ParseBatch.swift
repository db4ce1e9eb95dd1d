import BudgetKit
import GitKit

/// Budget files read from git and parsed on other threads while the walk goes on.
///
/// The repository is touched only on the walking thread, where the batch is made (blobs are
/// read) and finished (results go into the cache); parsing in between needs no git at all.
final class ParseBatch: @unchecked Sendable {
  struct Item: Sendable {
    var blob: Oid
    var path: String
    var bytes: [UInt8]
  }

  /// What the cache knows a parsed file by: its blob and its path.
  struct Key: Hashable {
    var blob: Oid
    var path: String
  }

  let items: [Item]
  private var parsing: BackgroundParse?

  init(items: [Item]) {
    self.items = items
  }

  /// The cache keys of the items, so a following batch can leave them out.
  var keys: Set<Key> { Set(items.map { Key(blob: $0.blob, path: $0.path) }) }

  /// Starts parsing on other threads.
  func start(with loader: BudgetTreeLoader) {
    parsing = BackgroundParse(items.map { ($0.path, $0.bytes) }, with: loader)
  }

  /// Waits for the parse and stores every file in the cache.
  func finish(into cache: ParseCache) {
    guard let parsing else { return }
    for (item, file) in zip(items, parsing.wait()) { cache.store(file, blob: item.blob) }
  }
}

extension CommitTreeLoader {
  /// Reads the parsable entries that are neither cached nor in `excluded`, ready to parse;
  /// files that cannot be read are stored at once as broken, and files that fail the
  /// relevance test are left out.
  func parseBatch(for entries: [TreeEntry], excluding excluded: Set<ParseBatch.Key>) -> ParseBatch {
    var seen = excluded
    var items: [ParseBatch.Item] = []
    let reader = SnapshotReader(objects: repository, limits: loader.limits, root: root)
    for entry in entries where entry.isBudgetFile {
      let path = "\(root)/\(entry.path)"
      guard seen.insert(ParseBatch.Key(blob: entry.id, path: path)).inserted,
        cache.file(blob: entry.id, path: path) == nil
      else { continue }
      let source = reader.sourceFile(entry)
      guard case .bytes(let bytes) = source.content else {
        // Too large or unreadable: the loader's classification says so, as a broken file.
        let problems = loader.classify([source]).diagnostics
        cache.store(
          ParsedFile(path: path, document: nil, kind: nil, digest: nil, diagnostics: problems),
          blob: entry.id)
        continue
      }
      if let relevance, !relevance(bytes) { continue }
      items.append(ParseBatch.Item(blob: entry.id, path: path, bytes: bytes))
    }
    return ParseBatch(items: items)
  }
}
