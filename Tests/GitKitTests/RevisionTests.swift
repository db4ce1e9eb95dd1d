import Foundation
import GitKit
import TestSupport
import Testing

@Suite struct RevisionTests {
  @Test func resolvesWhatGitRevParseResolves() throws {
    let fixture = try makeSampleRepository()
    let repository = try open(fixture)
    let c1 = try fixture.git("rev-parse", "v1")
    let revisions = [
      "HEAD", "HEAD~1", "HEAD~2", "HEAD~1^2", "HEAD~1^2~1", "main", "feature", "refs/heads/feature",
      "heads/feature", "v1", "v2", "v2^{commit}", "main^{commit}", "tags/v2", "v2~1", "@", "@~1",
      "feature^", String(c1.prefix(7)), String(c1.prefix(12)), c1, "HEAD@{0}", "main@{1}",
    ]
    for revision in revisions {
      #expect(
        try repository.resolveCommit(revision) == (try gitCommit(fixture, revision)),
        "\(revision)")
    }
  }

  @Test func unknownRevisionIsNamed() throws {
    let fixture = try makeSampleRepository()
    let repository = try open(fixture)
    for revision in ["no-such-branch", "HEAD~40", "v9", "0000000000000000000000000000000000000000"]
    {
      #expect(throws: ProcessFailure.self) { try gitCommit(fixture, revision) }
      #expect(throws: GitError.unknownRevision(revision)) {
        try repository.resolveCommit(revision)
      }
    }
  }

  @Test func revisionNamingATreeOrBlobIsNotACommit() throws {
    let fixture = try makeSampleRepository()
    let repository = try open(fixture)
    for revision in ["HEAD:README", "HEAD^{tree}", "HEAD:.budgets"] {
      #expect(throws: ProcessFailure.self) { try gitCommit(fixture, revision) }
      #expect(throws: GitError.wrongObjectType(revision, expected: "commit")) {
        try repository.resolveCommit(revision)
      }
    }
  }

  @Test func ambiguousAbbreviationIsReported() throws {
    let fixture = try TemporaryRepository()
    // About 1500 objects make a shared four-digit prefix all but certain, and the contents
    // are fixed, so the outcome is the same on every run. One fast-import writes them all.
    var stream = ""
    for index in 1...1500 {
      let content = "blob \(index)\n"
      stream += "blob\nmark :\(index)\ndata \(content.utf8.count)\n\(content)\n"
    }
    let marks = fixture.directory.appending("marks")
    try fixture.git(
      ["fast-import", "--quiet", "--export-marks=\(marks)"], stdin: Data(stream.utf8))
    let ids = try String(contentsOfFile: marks, encoding: .utf8).split(separator: "\n")
      .map { String($0.split(separator: " ")[1]) }
    let prefixes = Dictionary(grouping: ids) { $0.prefix(4) }
    let shared = try #require(prefixes.first { $0.value.count > 1 }?.key)
    let repository = try open(fixture)
    let revision = String(shared)
    let git = try runProcess(
      "git", ["rev-parse", "--verify", revision], environment: TemporaryRepository.environment(),
      cwd: fixture.path)
    #expect(!git.succeeded)
    #expect(throws: GitError.ambiguousRevision(revision)) { try repository.resolveCommit(revision) }
  }

  @Test func resolvesRangesLikeGit() throws {
    let fixture = try makeSampleRepository()
    let repository = try open(fixture)
    for (left, right) in [
      ("v1", "main"), ("feature", "main"), ("main", "feature"), ("v2", "HEAD~1"),
    ] {
      let range = try repository.resolveRange("\(left)..\(right)")
      #expect(range.from == (try gitCommit(fixture, left)))
      #expect(range.to == (try gitCommit(fixture, right)))
      #expect(range.mergeBase == false)
      let symmetric = try repository.resolveRange("\(left)...\(right)")
      let base = try fixture.git("merge-base", left, right)
      #expect(symmetric.from?.hex == base)
      #expect(symmetric.to == (try gitCommit(fixture, right)))
      #expect(symmetric.mergeBase)
      #expect(symmetric.left == (try gitCommit(fixture, left)))
      #expect(range.left == nil)
    }
    let single = try repository.resolveRange("v2")
    #expect(single == RevisionRange(from: nil, to: try gitCommit(fixture, "v2"), mergeBase: false))
  }

  @Test func rangeWithAnEmptySideMeansHead() throws {
    let fixture = try makeSampleRepository()
    let repository = try open(fixture)
    // git rev-parse prints the included end first and the excluded one with a caret.
    for spec in ["v1..", "..v1", "v1..@", "@~1...feature"] {
      let lines = try fixture.gitLines("rev-parse", spec)
      let range = try repository.resolveRange(spec)
      #expect(range.to.hex == lines[0], "\(spec)")
      // For A...B git prints B, A, then the merge base with a caret.
      #expect(range.from?.hex == String(lines.last!.dropFirst()), "\(spec)")
      // The left end of A...B comes second, as the commit it names.
      #expect(range.left?.hex == (spec.contains("...") ? lines[1] : nil), "\(spec)")
    }
  }

  @Test func mergeBaseMatchesGit() throws {
    let fixture = try makeSampleRepository()
    let repository = try open(fixture)
    let pairs = [
      ("main", "feature"), ("HEAD~1^1", "feature"), ("v1", "v2"), ("feature~1", "HEAD~2"),
    ]
    for (left, right) in pairs {
      let base = try repository.mergeBase(gitCommit(fixture, left), gitCommit(fixture, right))
      #expect(base?.hex == (try fixture.git("merge-base", left, right)), "\(left) \(right)")
    }
  }

  @Test func unrelatedHistoriesHaveNoMergeBase() throws {
    let fixture = try makeSampleRepository()
    try fixture.git("checkout", "-q", "--orphan", "island")
    let island = try fixture.commit(message: "island")
    let repository = try open(fixture)
    let git = try runProcess(
      "git", ["merge-base", "main", "island"], environment: TemporaryRepository.environment(),
      cwd: fixture.path)
    #expect(git.status == 1)
    let main = try gitCommit(fixture, "main")
    #expect(try repository.mergeBase(main, Oid(hex: island)!) == nil)
    let range = try repository.resolveRange("main...island")
    #expect(range == RevisionRange(from: nil, to: Oid(hex: island)!, mergeBase: true, left: main))
  }
}
