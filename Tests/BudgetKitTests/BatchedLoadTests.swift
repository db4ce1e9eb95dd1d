import BudgetKit
import Testing

/// Loading a tree a batch at a time gives the tree of loading it whole, whatever the batch size,
/// including the limit on the number of files read.
@Suite("Loading a tree in batches")
struct BatchedLoadTests {
  static let files: [BudgetSourceFile] = {
    var files = [
      BudgetSourceFile(
        path: ".budgets/owners.yaml", content: .bytes(Array(TreeFixture.owners.utf8)))
    ]
    for index in 0..<7 {
      let text = TreeFixture.budget.replacingOccurrences(
        of: "name: ranker", with: "name: b\(index)")
      files.append(
        BudgetSourceFile(path: ".budgets/models/b\(index).yaml", content: .bytes(Array(text.utf8))))
    }
    files += [
      BudgetSourceFile(path: ".budgets/README.md", content: .bytes([])),
      BudgetSourceFile(path: ".budgets/models/link.yaml", content: .symlink),
      BudgetSourceFile(path: ".budgets/models/big.yaml", content: .tooLarge(5 << 20)),
      BudgetSourceFile(path: ".budgets/models/broken.yaml", content: .bytes(Array("a: [".utf8))),
      BudgetSourceFile(
        path: ".budgets/models/dup.yaml", content: .bytes(Array(TreeFixture.budget.utf8))),
      BudgetSourceFile(
        path: ".budgets/models/ranker.yaml", content: .bytes(Array(TreeFixture.budget.utf8))),
    ]
    return files.sorted { $0.path < $1.path }
  }()

  static func summary(_ tree: BudgetTree) -> [String] {
    tree.paths + tree.ignored.map { "ignored \($0.path) \($0.reason)" }
      + tree.diagnostics.map { "\($0.location) \($0.rule.rawValue) \($0.message)" }
  }

  @Test(
    "every batch size, with and without a limit on the files read", arguments: [1, 2, 3, 7, 100])
  func sameTree(batchSize: Int) {
    for maxFiles in [100, 5, 1] {
      let loader = BudgetTreeLoader(limits: ReadLimits(maxFiles: maxFiles))
      let whole = loader.load(Self.files)
      let batched = loader.load(count: Self.files.count, batchSize: batchSize) {
        Array(Self.files[$0])
      }
      #expect(Self.summary(batched) == Self.summary(whole), "maxFiles \(maxFiles)")
      #expect(!whole.diagnostics.isEmpty)
    }
  }
}
