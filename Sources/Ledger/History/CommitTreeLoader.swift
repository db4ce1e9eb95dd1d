import BudgetKit
import GitKit

/// Loads the `.budgets/` tree of commits through a parse cache: only blobs not seen before are
/// read and parsed, in parallel.
public struct CommitTreeLoader {
  /// Where commits, trees and blobs are read.
  public let repository: any ObjectReading
  public let cache: ParseCache
  public let loader: BudgetTreeLoader
  /// When set, a blob not yet parsed is parsed only if its bytes pass this test; others are left
  /// out of `parsedFiles`, as if absent. A reader interested in one budget uses it to skip
  /// files that cannot mention that budget.
  public var relevance: (@Sendable ([UInt8]) -> Bool)?
  /// The budgets folder, relative to the repository root.
  public var root: String { loader.root }

  public init(
    repository: any ObjectReading, cache: ParseCache = ParseCache(),
    loader: BudgetTreeLoader = BudgetTreeLoader()
  ) {
    self.repository = repository
    self.cache = cache
    self.loader = loader
  }

  /// The parsed and validated tree of a commit, or nil when the commit has no `.budgets/`.
  public func tree(atCommit commit: Oid) throws(LedgerError) -> BudgetTree? {
    let folder: BudgetFolder
    do { folder = try BudgetFolder.of(commit: commit, root: root, in: repository) } catch {
      throw .git(error)
    }
    switch folder {
    case .missing: return nil
    case .notAFolder:
      return BudgetTree(diagnostics: [
        SnapshotReader(objects: repository, root: root).notADirectory()
      ])
    case .files(let entries): return tree(of: entries)
    }
  }

  /// The tree made of these entries (paths relative to the budgets folder).
  public func tree(of entries: [TreeEntry]) -> BudgetTree {
    var cached: [ParsedFile] = []
    var misses: [TreeEntry] = []
    for entry in entries {
      if let file = cachedFile(entry) { cached.append(file) } else { misses.append(entry) }
    }
    let reader = SnapshotReader(objects: repository, limits: loader.limits, root: root)
    let sorted = loader.classify(misses.map(reader.sourceFile))
    let parsed = loader.parse(sorted.yaml)
    remember(parsed, from: misses)
    return loader.assemble(
      cached + parsed, ignored: sorted.ignored, diagnostics: sorted.diagnostics)
  }

  /// Parsed files for entries (YAML files only; others are left out), through the cache.
  public func parsedFiles(_ entries: [TreeEntry]) -> [ParsedFile] {
    let yaml = entries.filter { $0.isBudgetFile }
    // Parsed files are matched to entries by path, so each round holds a path once (a batch
    // may hold several versions of one file).
    var rounds: [[Int]] = []
    var seen: [String: Int] = [:]
    for (index, entry) in yaml.enumerated() {
      let round = seen[entry.path, default: 0]
      seen[entry.path] = round + 1
      if rounds.count <= round { rounds.append([]) }
      rounds[round].append(index)
    }
    var result = [ParsedFile?](repeating: nil, count: yaml.count)
    for round in rounds {
      for (index, file) in zip(round, parseRound(round.map { yaml[$0] })) { result[index] = file }
    }
    return result.compactMap { $0 }
  }

  /// Parsed files for entries with distinct paths, nil for those the relevance test skips.
  private func parseRound(_ yaml: [TreeEntry]) -> [ParsedFile?] {
    var result: [ParsedFile?] = yaml.map(cachedFile)
    let missing = result.indices.filter { result[$0] == nil }
    guard !missing.isEmpty else { return result }
    let reader = SnapshotReader(objects: repository, limits: loader.limits, root: root)
    var sorted = loader.classify(missing.map { reader.sourceFile(yaml[$0]) })
    var skipped = Set<String>()
    if let relevance {
      skipped = Set(sorted.yaml.filter { !relevance($0.bytes) }.map(\.path))
      sorted.yaml.removeAll { skipped.contains($0.path) }
    }
    let parsed = loader.parse(sorted.yaml)
    remember(parsed, from: missing.map { yaml[$0] })
    let byPath = Dictionary(parsed.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
    for index in missing {
      let path = "\(root)/\(yaml[index].path)"
      if skipped.contains(path) { continue }
      // A file that could not be read becomes a broken file carrying the reason.
      result[index] =
        byPath[path]
        ?? ParsedFile(
          path: path, document: nil, kind: nil, digest: nil,
          diagnostics: sorted.diagnostics.filter { $0.location.path == path })
    }
    return result
  }

  private func cachedFile(_ entry: TreeEntry) -> ParsedFile? {
    guard entry.isBudgetFile else { return nil }
    return cache.file(blob: entry.id, path: "\(root)/\(entry.path)")
  }

  private func remember(_ parsed: [ParsedFile], from entries: [TreeEntry]) {
    let ids = Dictionary(
      entries.map { ("\(root)/\($0.path)", $0.id) }, uniquingKeysWith: { a, _ in a })
    for file in parsed {
      if let id = ids[file.path] { cache.store(file, blob: id) }
    }
  }
}
