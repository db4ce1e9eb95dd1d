import BudgetKit
import TestSupport
import Testing

/// A tree kept up to date file by file (`TreeAssembly`) is the tree assembled from scratch,
/// step after step of random changes to the files of `TouchedVerdictTests.variants`.
struct TreeAssemblyTests {
  @Test(arguments: 0..<6)
  func fileByFileIsFromScratch(seed: UInt64) {
    var random = SeededGenerator(seed: seed)
    let paths = TouchedVerdictTests.variants.keys.sorted()
    var choice: [String: Int] = [:]
    for path in paths { choice[path] = random.next(TouchedVerdictTests.variants[path]!.count) }
    var texts = TouchedVerdictTests.texts(choice)
    let days = TouchedVerdictTests.days
    var day = days[0]
    var assembly = TreeAssembly(files(texts), day: day)
    var seen = Set<RuleID>()
    for step in 0..<80 {
      for _ in 0...random.next(3) {
        let path = paths[random.next(paths.count)]
        choice[path] = random.next(TouchedVerdictTests.variants[path]!.count)
      }
      let next = TouchedVerdictTests.texts(choice)
      let changed = Set(texts.keys).union(next.keys).filter { texts[$0] != next[$0] }
      let removed = changed.filter { next[$0] == nil }.map { ".budgets/" + $0 }
      let replaced = files(next.filter { changed.contains($0.key) })
      // Now and then the day moves on (with the change, or alone).
      let moved = random.next(4) == 0 ? days[random.next(days.count)] : nil
      if let moved, random.next(2) == 0 {
        assembly.judge(on: moved)
        assembly.replace(with: replaced, removing: removed)
      } else {
        assembly.replace(with: replaced, removing: removed, on: moved)
      }
      day = moved ?? day
      texts = next
      let whole = BudgetTreeLoader(day: day).assemble(files(texts))
      let kept = assembly.tree
      let context = "seed \(seed) step \(step) day \(day): \(choice.sorted { $0.key < $1.key })"
      #expect(kept.diagnostics == whole.diagnostics, "\(context)")
      #expect(kept.owners?.path == whole.owners?.path, "\(context)")
      #expect(kept.budgets.map(\.path) == whole.budgets.map(\.path), "\(context)")
      #expect(kept.budgets.map(\.name.value) == whole.budgets.map(\.name.value), "\(context)")
      #expect(kept.exceptions.map(\.path) == whole.exceptions.map(\.path), "\(context)")
      #expect(kept.approvals.map(\.path) == whole.approvals.map(\.path), "\(context)")
      #expect(kept.digests == whole.digests, "\(context)")
      #expect(kept.paths == whole.paths, "\(context)")
      seen.formUnion(whole.diagnostics.map(\.rule))
    }
    // The walk met a chain of exceptions or one the budget has overtaken.
    #expect(seen.contains(.exceptionChainTooLong) || seen.contains(.exceptionRedundant))
  }

  private func files(_ texts: [String: String]) -> [ParsedFile] {
    texts.map { BudgetTreeLoader().parse(path: ".budgets/" + $0.key, bytes: Array($0.value.utf8)) }
  }
}
