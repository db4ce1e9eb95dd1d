import BudgetKit
import GitKit
import GitKitTestSupport
import Ledger
import Testing

/// Parsing through the blob-id cache: a file seen before is neither read nor parsed again.
@Suite struct ParseCacheTests {
  @Test func aTreeReadTwiceIsParsedOnce() throws {
    let (store, c) = InMemoryObjectStore.history([
      BudgetTexts.files(latency: "100ms"), BudgetTexts.files(latency: "120ms"),
    ])
    let cache = ParseCache()
    let loader = CommitTreeLoader(repository: store, cache: cache)
    let first = try #require(try loader.tree(atCommit: c[0]))
    #expect(first.isValid, "\(first.diagnostics)")
    #expect((cache.misses, cache.hits, store.reads.blobs) == (2, 0, 2))
    _ = try loader.tree(atCommit: c[0])
    #expect((cache.misses, cache.hits, store.reads.blobs) == (2, 2, 2))
    // The next commit changed the budget only: the owners file comes from the cache.
    let second = try #require(try loader.tree(atCommit: c[1]))
    #expect(second.isValid)
    #expect((cache.misses, cache.hits, store.reads.blobs) == (3, 3, 3))
  }

  @Test func aRenamedFileIsParsedAgainUnderItsNewPath() throws {
    let budget = BudgetTexts.fraud()
    let (store, c) = InMemoryObjectStore.history([
      [".budgets/owners.yaml": BudgetTexts.owners, ".budgets/a.yaml": budget],
      [".budgets/owners.yaml": BudgetTexts.owners, ".budgets/b.yaml": budget],
    ])
    let cache = ParseCache()
    let loader = CommitTreeLoader(repository: store, cache: cache)
    _ = try loader.tree(atCommit: c[0])
    let renamed = try #require(try loader.tree(atCommit: c[1]))
    #expect(renamed.paths == [".budgets/b.yaml", ".budgets/owners.yaml"])
    #expect((cache.misses, cache.hits) == (3, 1))
  }

  @Test func aFullCacheForgetsWhatItLearntFirst() {
    let cache = ParseCache(capacity: 2)
    let store = InMemoryObjectStore()
    let blobs = ["a", "b", "c"].map { store.blob($0) }
    for (blob, name) in zip(blobs, ["a", "b", "c"]) {
      cache.store(
        ParsedFile(path: name, document: nil, kind: nil, digest: nil, diagnostics: []), blob: blob)
    }
    #expect(cache.file(blob: blobs[0], path: "a") == nil)
    #expect(cache.file(blob: blobs[1], path: "b") != nil)
    #expect(cache.file(blob: blobs[2], path: "c") != nil)
    #expect(cache.file(blob: blobs[2], path: "b") == nil)
  }

  @Test func theAuditTrailParsesEachVersionOnceAndSkipsMeaninglessChanges() throws {
    let (store, c) = InMemoryObjectStore.history([
      BudgetTexts.files(latency: "100ms"),
      BudgetTexts.files(latency: "120ms"),
      BudgetTexts.files(
        latency: "120ms",
        extra: [".budgets/models/fraud.yaml": BudgetTexts.fraud(latency: "120ms", comment: "why")]),
      BudgetTexts.files(latency: "100ms"),
    ])
    let cache = ParseCache()
    let trail = try AuditTrail(repository: store, scope: HistoryScope(heads: [c[3]]), cache: cache)
    var commits: [AuditCommit] = []
    while let commit = try trail.next() { commits.append(commit) }
    // The comment-only commit changes the folder but no meaning.
    #expect(commits.map(\.commit.id) == [c[3], c[1], c[0]])
    #expect(commits.allSatisfy { !$0.entries.isEmpty })
    #expect(trail.commitsVisited == 4)
    // Four versions of the budget (100ms twice is one blob) and one of owners.
    #expect(cache.misses == 4)
    #expect(store.reads.blobs == cache.misses)
  }
}
