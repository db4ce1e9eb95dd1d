import Foundation
import TestSupport
import Testing

/// `history` and `check --against-history` answer the same with the first-parent index absent,
/// warm, damaged, behind new commits, ahead of a reset branch, and in a shallow clone (where it
/// is not used).
@Suite struct FirstParentIndexEndToEndTests {
  static let commands: [[String]] = [
    ["history", "svc", "latency_p95"],
    ["history", "svc", "--format", "json"],
    ["history", "--format", "csv"],
  ]

  static func indexPath(_ repository: TemporaryRepository) -> String {
    repository.gitDirectory + "/bursar/first-parents-1"
  }

  /// Every command's status, output and errors.
  static func outputs(_ repository: TemporaryRepository) throws -> [String] {
    var outputs: [String] = []
    for command in commands {
      let result = try RunsFixture.run(command, in: repository)
      outputs.append("\(result.status)\n\(result.stdoutText)\n\(result.stderrText)")
    }
    try repository.write(
      path: "now.yaml", contents: RunHistoryEndToEndTests.measurements("90ms", "0.9"))
    let check = try RunsFixture.run(
      ["check", "-m", "now.yaml", "--against-history", "3", "--format", "json"], in: repository)
    // The time of the check is the one thing that differs from one run to the next.
    let text = check.stdoutText.split(separator: "\n").filter { !$0.hasPrefix("  \"at\" : ") }
    outputs.append("\(check.status)\n\(text.joined(separator: "\n"))\n\(check.stderrText)")
    return outputs
  }

  /// The folder index `history` keeps for `.budgets`, found by its name's prefix.
  static func folderIndexPath(_ repository: TemporaryRepository) -> String? {
    let folder = repository.gitDirectory + "/bursar"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.first { $0.hasPrefix("folders-1-") }.map { folder + "/" + $0 }
  }

  /// The outputs with no index, and with the indexes each run leaves behind.
  static func withoutIndex(_ repository: TemporaryRepository) throws -> [String] {
    func remove() {
      try? FileManager.default.removeItem(atPath: indexPath(repository))
      if let folders = folderIndexPath(repository) {
        try? FileManager.default.removeItem(atPath: folders)
      }
    }
    remove()
    let outputs = try outputs(repository)
    remove()
    return outputs
  }

  static func record(_ latency: String, in repository: TemporaryRepository, at epoch: Int) throws {
    try repository.write(path: "code.txt", contents: "\(latency)\n")
    try repository.commit(message: "change \(latency)")
    try repository.write(
      path: "m.yaml", contents: RunHistoryEndToEndTests.measurements(latency, "0.9"))
    let recorded = try RunsFixture.run(
      ["record", "-m", "m.yaml"], in: repository, environment: ["SOURCE_DATE_EPOCH": "\(epoch)"])
    try #require(recorded.status == 0, "\(recorded.stderrText)")
  }

  @Test func warmAndDamagedIndexesAnswerAsNoIndex() throws {
    let repository = try RunHistoryEndToEndTests.repository()
    let expected = try Self.withoutIndex(repository)
    #expect(expected[0].hasPrefix("0\n"))
    #expect(expected[0].contains("7 figures of 1 metric"))
    #expect(!FileManager.default.fileExists(atPath: Self.indexPath(repository)))

    // The first walk writes the index; the next ones read it.
    #expect(try Self.outputs(repository) == expected)
    let written = try Data(contentsOf: URL(fileURLWithPath: Self.indexPath(repository)))
    #expect(written.starts(with: Data("BURSARFP".utf8)))
    #expect(try Self.outputs(repository) == expected)

    // Damaged: every byte flipped, cut short, another version, garbage. Each is ignored, and
    // the walk writes a good index again.
    var damaged = [Data("garbage".utf8), written.prefix(written.count - 9), Data()]
    var flipped = written
    flipped[40] ^= 0xff
    damaged.append(flipped)
    var version = written
    version[8] = 9
    damaged.append(version)
    for bytes in damaged {
      try bytes.write(to: URL(fileURLWithPath: Self.indexPath(repository)))
      #expect(try Self.outputs(repository) == expected)
      #expect(try Data(contentsOf: URL(fileURLWithPath: Self.indexPath(repository))) == written)
    }

    // Where the index cannot be written (its folder is a file here), the walk goes without.
    try FileManager.default.removeItem(atPath: Self.indexPath(repository))
    let folder = repository.gitDirectory + "/bursar"
    try FileManager.default.removeItem(atPath: folder)
    try Data("not a folder".utf8).write(to: URL(fileURLWithPath: folder))
    #expect(try Self.outputs(repository) == expected)
    #expect(try String(contentsOfFile: folder, encoding: .utf8) == "not a folder")
  }

  /// The folder index: written by the first walk, read by the next, and when damaged
  /// ignored and written again, with every answer the same as without it.
  @Test func warmAndDamagedFolderIndexesAnswerAsNone() throws {
    let repository = try RunHistoryEndToEndTests.repository()
    let expected = try Self.withoutIndex(repository)
    #expect(Self.folderIndexPath(repository) == nil)
    #expect(try Self.outputs(repository) == expected)
    let path = try #require(Self.folderIndexPath(repository))
    let written = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(written.starts(with: Data("BURSARFO".utf8)))
    #expect(try Self.outputs(repository) == expected)

    var damaged = [Data("garbage".utf8), written.prefix(written.count - 9), Data()]
    for offset in [8, 13, 30, written.count - 30, written.count - 1] {
      var flipped = written
      flipped[offset] ^= 0x5a
      damaged.append(flipped)
    }
    for bytes in damaged {
      try bytes.write(to: URL(fileURLWithPath: path))
      #expect(try Self.outputs(repository) == expected)
      #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == written)
    }

    // New commits with runs on top: the index grows, and still answers as none.
    try Self.record("83ms", in: repository, at: 1_781_000_000)
    let grown = try Self.outputs(repository)
    #expect(grown[0].contains("8 figures of 1 metric"))
    #expect(grown == (try Self.withoutIndex(repository)))
  }

  @Test func newCommitsOnTopAndAResetBranch() throws {
    let repository = try RunHistoryEndToEndTests.repository()
    _ = try Self.outputs(repository)
    #expect(FileManager.default.fileExists(atPath: Self.indexPath(repository)))

    try Self.record("80ms", in: repository, at: 1_781_000_000)
    try Self.record("81ms", in: repository, at: 1_781_003_600)
    let grown = try Self.outputs(repository)
    #expect(grown[0].contains("9 figures of 1 metric"))
    #expect(grown == (try Self.withoutIndex(repository)))

    // The branch moved back: the index still knows the newer commits, which are no longer on
    // the walk from the tip, and must not show.
    _ = try Self.outputs(repository)
    try repository.git("reset", "-q", "--hard", "HEAD~4")
    let reset = try Self.outputs(repository)
    #expect(reset[0].contains("5 figures of 1 metric"))
    #expect(reset == (try Self.withoutIndex(repository)))

    // A side branch off an older commit, with its own runs, reusing what the index knows.
    _ = try Self.outputs(repository)
    try repository.git("checkout", "-q", "-b", "side", "HEAD~2")
    try Self.record("95ms", in: repository, at: 1_782_000_000)
    let side = try Self.outputs(repository)
    #expect(side[0].contains("4 figures of 1 metric"))
    #expect(side == (try Self.withoutIndex(repository)))
  }

  @Test func aShallowCloneNeitherReadsNorWritesAnIndex() throws {
    let source = try RunHistoryEndToEndTests.repository()
    _ = try Self.outputs(source)
    let clone = try TemporaryRepository(cloning: source.url, arguments: ["--depth", "3"])
    try RunsFixture.configure(clone, identity: ("Alice", "alice@example.com"))
    try clone.git("fetch", "-q", "origin", "refs/bursar/runs:refs/bursar/runs")
    // The source's index copied in: it knows the commits beyond the cut, and must not be
    // used to walk past it.
    try FileManager.default.createDirectory(
      atPath: clone.gitDirectory + "/bursar", withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: Self.indexPath(source), toPath: Self.indexPath(clone))
    let withIndex = try Self.outputs(clone)
    try FileManager.default.removeItem(atPath: Self.indexPath(clone))
    let without = try Self.outputs(clone)
    #expect(withIndex == without)
    #expect(!FileManager.default.fileExists(atPath: Self.indexPath(clone)))
    #expect(without[0] != (try Self.outputs(source))[0])
  }
}
