import Foundation
import GitKit
import TestSupport
import Testing

@Suite struct IndexTests {
  /// What the next commit would record under `folder`: git writes the index as a tree.
  private func stagedTree(_ fixture: TemporaryRepository, under folder: String) throws -> [String] {
    let tree = try fixture.git("write-tree")
    return try lsTree(fixture, "\(tree):\(folder)")
  }

  @Test func listsStagedFilesUnderAFolder() throws {
    let fixture = try makeSampleRepository()
    let repository = try open(fixture)
    #expect(
      describe(try repository.indexFiles(under: ".budgets").entries)
        == (try stagedTree(fixture, under: ".budgets")))
    try fixture.write(path: ".budgets/api.yaml", contents: "p95: 100ms\n")
    try fixture.write(path: ".budgets/new/deep.yaml", contents: "deep: true\n")
    try fixture.write(path: ".budgets/unstaged.yaml", contents: "not added\n")
    try fixture.write(path: ".budgetsX/other.yaml", contents: "outside\n")
    try fixture.git("add", ".budgets/api.yaml", ".budgets/new", ".budgetsX")
    try fixture.git("rm", "-q", "--cached", ".budgets/web/page.yaml")
    try fixture.git("add", "-N", ".budgets/unstaged.yaml")
    let listing = try repository.indexFiles(under: ".budgets/")
    #expect(describe(listing.entries) == (try stagedTree(fixture, under: ".budgets")))
    #expect(listing.conflictedPaths.isEmpty)
    #expect(!listing.entries.contains { $0.path.hasPrefix("X") || $0.path == "unstaged.yaml" })
  }

  @Test func wholeIndexWithAnEmptyPrefix() throws {
    let fixture = try makeSampleRepository()
    let repository = try open(fixture)
    #expect(
      describe(try repository.indexFiles(under: "").entries)
        == (try lsTree(fixture, fixture.git("write-tree"))))
  }

  @Test func conflictedPathsAreListedApart() throws {
    let fixture = try makeSampleRepository()
    try fixture.git("checkout", "-q", "-b", "other", "v2")
    try fixture.write(path: ".budgets/api.yaml", contents: "p95: 90ms\n")
    try fixture.write(path: ".budgets/web/page.yaml", contents: "lcp: 3s\n")
    try fixture.commit(message: "other side")
    try fixture.git("checkout", "-q", "main")
    try fixture.write(path: ".budgets/api.yaml", contents: "p95: 80ms\n")
    try fixture.write(path: ".budgets/web/page.yaml", contents: "lcp: 1s\n")
    try fixture.commit(message: "this side")
    let merge = try runProcess(
      "git", ["merge", "-q", "other"], environment: TemporaryRepository.environment(),
      cwd: fixture.path)
    try #require(!merge.succeeded, "the merge must conflict")
    let unmerged = try fixture.gitLines("diff", "--name-only", "--diff-filter=U", "--", ".budgets")
    let repository = try open(fixture)
    let listing = try repository.indexFiles(under: ".budgets")
    #expect(listing.conflictedPaths.map { ".budgets/" + $0 } == unmerged)
    let stageZero = try nulRecords(fixture.git("ls-files", "-s", "-z", "--", ".budgets"))
      .filter { $0.split(separator: " ")[2].hasPrefix("0\t") }
      .map { record in
        let fields = record.split(separator: "\t", maxSplits: 1)
        let parts = fields[0].split(separator: " ")
        return "\(parts[0]) \(parts[1]) \(fields[1].dropFirst(".budgets/".count))"
      }
    #expect(describe(listing.entries) == stageZero)
  }

  @Test func seesChangesMadeAfterOpening() throws {
    let fixture = try makeSampleRepository()
    let repository = try open(fixture)
    let before = try repository.indexFiles(under: ".budgets")
    try fixture.write(path: ".budgets/later.yaml", contents: "later\n")
    try fixture.git("add", ".budgets/later.yaml")
    let after = try repository.indexFiles(under: ".budgets")
    #expect(after.entries.count == before.entries.count + 1)
    #expect(describe(after.entries) == (try stagedTree(fixture, under: ".budgets")))
  }
}
