import GitKit
import GitKitTestSupport
import Ledger
import Testing

/// The history walk: which commits it yields, and what it leaves unread.
@Suite struct HistoryWalkerTests {
  /// The commits a walk yields, newest first.
  private func steps(_ walker: HistoryWalker) throws -> [HistoryStep] {
    var steps: [HistoryStep] = []
    while let step = try walker.next() { steps.append(step) }
    return steps
  }

  @Test func yieldsOnlyCommitsThatChangeTheBudgetsFolder() throws {
    let (store, c) = InMemoryObjectStore.history([
      ["README.md": "No budgets yet.\n"],
      BudgetTexts.files(latency: "100ms"),
      BudgetTexts.files(latency: "100ms", extra: ["README.md": "Edited.\n"]),
      BudgetTexts.files(latency: "120ms", extra: ["README.md": "Edited.\n"]),
      BudgetTexts.files(latency: "120ms", extra: ["src/main.swift": "print(1)\n"]),
    ])
    store.resetReads()
    let walker = try HistoryWalker(repository: store, scope: HistoryScope(heads: [c[4]]))
    let found = try steps(walker)
    #expect(found.map(\.commit.id) == [c[3], c[1]])
    #expect(found.map(\.parent?.id) == [c[2], c[0]])
    #expect(found[1].oldTree == nil)
    #expect(found[0].oldTree == found[1].newTree)
    #expect(walker.visited == 5)
    // Each commit's root tree is searched for one name; no folder is listed, no blob read.
    #expect(store.reads == .init(trees: 5, blobs: 0, commits: 5))
  }

  @Test func commitsSharingARootTreeAreLookedUpOnce() throws {
    let store = InMemoryObjectStore()
    let tree = store.tree(texts: BudgetTexts.files())
    let c = (0..<4).map { _ in store.commit(tree: tree) }
    store.resetReads()
    let walker = try HistoryWalker(repository: store, scope: HistoryScope(heads: [c[3]]))
    #expect(try steps(walker).map(\.commit.id) == [c[0]])
    #expect(store.reads.trees == 1)
    #expect(store.reads.blobs == 0)
  }

  @Test func aMergeThatKeepsOneParentsBudgetsIsSkippedInAWalkOfAllParents() throws {
    let store = InMemoryObjectStore()
    let base = store.commit(texts: BudgetTexts.files(latency: "100ms"))
    let side = store.commit(texts: BudgetTexts.files(latency: "90ms"), branch: "side")
    let main = store.commit(
      texts: BudgetTexts.files(latency: "100ms", extra: ["README.md": "Main.\n"]), parents: [base])
    let merge = store.commit(
      texts: BudgetTexts.files(latency: "90ms", extra: ["README.md": "Main.\n"]),
      parents: [main, side], message: "Merge side\n")
    let all = try HistoryWalker(
      repository: store, scope: HistoryScope(heads: [merge], firstParentOnly: false))
    #expect(try steps(all).map(\.commit.id) == [side, base])
    let firstParents = try HistoryWalker(repository: store, scope: HistoryScope(heads: [merge]))
    let chain = try steps(firstParents)
    #expect(chain.map(\.commit.id) == [merge, base])
    #expect(chain[0].parent?.id == main)
  }

  @Test func hiddenCommitsAreLeftOut() throws {
    let (store, c) = InMemoryObjectStore.history([
      BudgetTexts.files(latency: "100ms"), BudgetTexts.files(latency: "110ms"),
      BudgetTexts.files(latency: "120ms"),
    ])
    let walker = try HistoryWalker(
      repository: store, scope: HistoryScope(heads: [c[2]], hiding: [c[0]]))
    #expect(try steps(walker).map(\.commit.id) == [c[2], c[1]])
  }
}
