import Foundation
import GitKit
import TestSupport
import Testing

@Suite struct RevWalkTests {
  private func walk(
    _ repository: Repository, _ fixture: TemporaryRepository, from heads: [String],
    hiding: [String] = [], firstParentOnly: Bool = false, order: RevWalk.Order = .topological
  ) throws -> [String] {
    let walk = try repository.revWalk(
      from: heads.map { try gitCommit(fixture, $0) },
      hiding: hiding.map { try gitCommit(fixture, $0) },
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
    #expect(
      try walk(repository, fixture, from: ["main"])
        == (try fixture.gitLines("rev-list", "--date-order", "main")))
    #expect(
      try walk(repository, fixture, from: ["main", "side", "v1"])
        == (try fixture.gitLines("rev-list", "--date-order", "main", "side", "v1")))
  }

  @Test func topologicalWalkPutsChildrenFirstDespiteClockSkew() throws {
    let fixture = try interleavedHistory()
    try fixture.git("checkout", "-q", "-b", "skewed", "HEAD~2")
    try fixture.write(path: "skew.txt", contents: "from the past\n")
    try fixture.commit(message: "dated in 2001", date: Date(timeIntervalSince1970: 1_000_000_000))
    try fixture.write(path: "skew.txt", contents: "later\n")
    try fixture.commit(message: "after the skew")
    try fixture.git("checkout", "-q", "main")
    try fixture.git(
      ["merge", "-q", "--no-ff", "--no-edit", "skewed"],
      environment: fixture.commitDateEnvironment())
    let repository = try open(fixture)
    let order = try walk(repository, fixture, from: ["main"])
    #expect(Set(order) == Set(try fixture.gitLines("rev-list", "main")))
    #expect(order.count == Set(order).count)
    let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
    for id in order {
      for parent in try repository.commit(Oid(hex: id)!).parentIds {
        #expect(position[id]! < position[parent.hex]!, "\(id) must come before its parent")
      }
    }
  }

  @Test func timeWalkMatchesDefaultOrder() throws {
    let fixture = try interleavedHistory()
    let repository = try open(fixture)
    #expect(
      try walk(repository, fixture, from: ["main"], order: .time)
        == (try fixture.gitLines("rev-list", "main")))
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
    for (heads, hidden) in [
      (["main"], ["feature"]), (["main"], ["side", "v2"]), (["side"], ["main"]),
    ] {
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
    let walk = try repository.revWalk(
      from: [gitCommit(fixture, "main")], hiding: [], firstParentOnly: false)
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
