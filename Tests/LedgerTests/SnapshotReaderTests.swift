import BudgetKit
import GitKit
import GitKitTestSupport
import Ledger
import Testing

/// Budget trees read at a revision from objects in memory.
@Suite struct SnapshotReaderTests {
  @Test func readsTheBudgetsFolderAtARevision() throws {
    let (store, commits) = InMemoryObjectStore.history([
      BudgetTexts.files(latency: "100ms"), BudgetTexts.files(latency: "120ms"),
    ])
    store.setReference("v1", to: commits[0])
    let reader = SnapshotReader(objects: store)
    for (revision, latency) in [("v1", "100ms"), ("main", "120ms"), (commits[0].hex, "100ms")] {
      let resolved = ResolvedRevision(text: revision, commit: try store.resolveCommit(revision))
      let snapshot = try reader.snapshot(resolved.source)
      #expect(snapshot.paths == [".budgets/models/fraud.yaml", ".budgets/owners.yaml"])
      let tree = snapshot.load()
      #expect(tree.isValid, "\(tree.diagnostics)")
      #expect(tree.budgets.map(\.name.value) == ["fraud-detector"])
      let budget = try #require(
        snapshot.files.first { $0.path == ".budgets/models/fraud.yaml" })
      guard case .bytes(let bytes) = budget.content else {
        Issue.record("not read: \(budget.content)")
        continue
      }
      #expect(String(decoding: bytes, as: UTF8.self) == BudgetTexts.fraud(latency: latency))
    }
  }

  @Test func readsOnlyTheFilesAskedFor() throws {
    let (store, commits) = InMemoryObjectStore.history([
      BudgetTexts.files(extra: [".budgets/README.md": "Notes.\n"])
    ])
    let snapshot = try SnapshotReader(objects: store).snapshot(atCommit: commits[0])
    #expect(snapshot.paths.contains(".budgets/README.md"))
    #expect(store.reads.blobs == 0)
    _ = snapshot.files(at: [".budgets/owners.yaml"])
    #expect(store.reads.blobs == 1)
    // A file that is not YAML is listed but never read.
    _ = snapshot.files
    #expect(store.reads.blobs == 3)
  }

  @Test func aMissingFolderIsAnErrorAndAFileInItsPlaceADiagnostic() throws {
    let (store, _) = InMemoryObjectStore.history([["README.md": "No budgets.\n"]])
    let main = BudgetSource.commit(
      ResolvedRevision(text: "main", commit: try store.resolveCommit("main")))
    let error = #expect(throws: LedgerError.self) {
      try SnapshotReader(objects: store).snapshot(main)
    }
    guard case .noBudgetsFolder(main, .initialise)? = error else {
      Issue.record("expected no .budgets folder at main, got \(String(describing: error))")
      return
    }
    store.commit(texts: [".budgets": "not a folder\n"])
    let newMain = ResolvedRevision(text: "main", commit: try store.resolveCommit("main"))
    let snapshot = try SnapshotReader(objects: store).snapshot(newMain.source)
    #expect(snapshot.paths.isEmpty)
    #expect(snapshot.diagnostics.map(\.rule) == [.budgetsNotDirectory])
    let tree = try #require(
      try CommitTreeLoader(repository: store).tree(atCommit: store.resolveCommit("HEAD")))
    #expect(tree.diagnostics.map(\.rule) == [.budgetsNotDirectory])
  }

  @Test func aPathThroughAFileIsNoFolder() throws {
    let (store, commits) = InMemoryObjectStore.history([["config": "a file\n"]])
    let reader = SnapshotReader(objects: store, root: "config/.budgets")
    #expect(throws: LedgerError.self) { try reader.snapshot(atCommit: commits[0]) }
    #expect(
      try CommitTreeLoader(repository: store, loader: BudgetTreeLoader(root: "config/.budgets"))
        .tree(atCommit: commits[0]) == nil)
  }

  @Test func tooLargeFilesAreReportedWithoutBeingRead() throws {
    let (store, commits) = InMemoryObjectStore.history([BudgetTexts.files()])
    let limits = ReadLimits(maxFileBytes: 200)
    let snapshot = try SnapshotReader(objects: store, limits: limits).snapshot(atCommit: commits[0])
    let owners = try #require(snapshot.files.first { $0.path == ".budgets/owners.yaml" })
    guard case .tooLarge(let size) = owners.content else {
      Issue.record("read: \(owners.content)")
      return
    }
    #expect(size == BudgetTexts.owners.utf8.count)
  }

  @Test func objectsAloneHaveNoWorkTreeOrIndex() {
    let (store, _) = InMemoryObjectStore.history([BudgetTexts.files()])
    for source in [BudgetSource.workTree, .index] {
      let error = #expect(throws: LedgerError.self, "\(source)") {
        try SnapshotReader(objects: store).snapshot(source)
      }
      guard case .noWorkTree? = error else {
        Issue.record("\(source): expected no work tree, got \(String(describing: error))")
        continue
      }
    }
  }
}
