import Foundation
import GitKit
import Testing
import TestSupport

@Suite struct RevWalkTests {
  private func walk(
    _ repository: Repository, _ fixture: TemporaryRepository, from heads: [String],
    hiding: [String] = [], firstParentOnly: Bool = false, order: RevWalk.Order = .topological
  ) throws -> [String] {
    let walk = try repository.revWalk(
      from: heads.map { try gitCommit(fixture, $0) }, hiding: hiding.map { try gitCommit(fixture, $0) },
      firstParentOnly: firstParentOnly, order: order)
    return try walk.collect().map(\.hex)
  }

  /// A history where the two branches' commits interleave in time, so orders differ.
  private func interleavedHistory() throws -> TemporaryRepository {
    let fixture = try makeSampleRepository()
    try fixture.git("checkout", "-q", "-b", "side", "feature~1")
    for index in 0..<3 {
      try fixture.git("checkout", "-q", "side")
      try fixture.write(path: "side.txt", contents: "\(index)\n")
      try fixture.commit(message: "side \(index)")
      try fixture.git("checkout", "-q", "main")
      try fixture.write(path: "main.txt", contents: "\(index)\n")
      try fixture.commit(message: "main \(index)")
    }
    try fixture.git(
      ["merge", "-q", "--no-ff", "--no-edit", "side"], environment: fixture.commitDateEnvironment())
    return fixture
  }

  @Test func topologicalWalkMatchesDateOrder() throws {
    let fixture = try interleavedHistory()
    let repository = try open(fixture)
    #expect(try walk(repository, fixture, from: ["main"]) == (try fixture.gitLines("rev-list", "--date-order", "main")))
    #expect(
      try walk(repository, fixture, from: ["main", "side", "v1"])
        == (try fixture.gitLines("rev-list", "--date-order", "main", "side", "v1")))
  }

  @Test func timeWalkMatchesDefaultOrder() throws {
    let fixture = try interleavedHistory()
    let repository = try open(fixture)
    #expect(try walk(repository, fixture, from: ["main"], order: .time) == (try fixture.gitLines("rev-list", "main")))
  }

  @Test func firstParentWalkMatchesGit() throws {
    let fixture = try interleavedHistory()
    let repository = try open(fixture)
    #expect(
      try walk(repository, fixture, from: ["main"], firstParentOnly: true)
        == (try fixture.gitLines("rev-list", "--date-order", "--first-parent", "main")))
    #expect(
      try walk(repository, fixture, from: ["main"], hiding: ["v2"], firstParentOnly: true)
        == (try fixture.gitLines("rev-list", "--date-order", "--first-parent", "main", "^v2")))
  }

  @Test func hiddenCommitsAreLeftOut() throws {
    let fixture = try interleavedHistory()
    let repository = try open(fixture)
    for (heads, hidden) in [(["main"], ["feature"]), (["main"], ["side", "v2"]), (["side"], ["main"])] {
      #expect(
        try walk(repository, fixture, from: heads, hiding: hidden)
          == (try fixture.gitLines(["rev-list", "--date-order"] + heads + hidden.map { "^" + $0 })),
        "\(heads) ^\(hidden)")
    }
    #expect(try walk(repository, fixture, from: ["v1"], hiding: ["main"]).isEmpty)
  }

  @Test func walkStreamsOneCommitAtATime() throws {
    let fixture = try interleavedHistory()
    let repository = try open(fixture)
    let expected = try fixture.gitLines("rev-list", "--date-order", "main")
    let walk = try repository.revWalk(from: [gitCommit(fixture, "main")], hiding: [], firstParentOnly: false)
    let firstTwo = try walk.collect(limit: 2)
    let third = try walk.next()
    let rest = try walk.collect()
    #expect(firstTwo.map(\.hex) == Array(expected.prefix(2)))
    #expect(third?.hex == expected[2])
    #expect(rest.map(\.hex) == Array(expected.dropFirst(3)))
    #expect(try walk.next() == nil)
  }

  @Test func unknownStartIsNotFound() throws {
    let fixture = try makeSampleRepository()
    let repository = try open(fixture)
    let absent = Oid(hex: String(repeating: "ef", count: 20))!
    #expect(throws: GitError.objectNotFound(absent)) {
      try repository.revWalk(from: [absent], hiding: [], firstParentOnly: false)
    }
  }
}
