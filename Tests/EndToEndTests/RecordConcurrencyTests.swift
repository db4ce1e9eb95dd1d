import Foundation
import TestSupport
import Testing

/// Two CI jobs recording for the same commit in two clones of one bare remote, each fetching
/// and pushing `refs/bursar/runs`: in either order, through a rejected push, and at once. No
/// run is ever lost.
@Suite struct RecordConcurrencyTests {
  struct Setup {
    let remote: TemporaryRepository
    let clones: [TemporaryRepository]
    let commit: String
  }

  static func setup(clones count: Int = 2) throws -> Setup {
    let remote = try TemporaryRepository(bare: true)
    let seed = try RunsFixture.repository()
    try seed.git("push", "-q", remote.path, "main")
    var clones: [TemporaryRepository] = []
    for index in 0..<count {
      let clone = try TemporaryRepository(cloning: remote.path)
      try RunsFixture.configure(clone, identity: ("Job \(index)", "job\(index)@example.com"))
      try clone.write(path: "m.json", contents: RunsFixture.measurements)
      clones.append(clone)
    }
    return Setup(remote: remote, clones: clones, commit: try seed.git("rev-parse", "HEAD"))
  }

  static func remoteRuns(_ setup: Setup) throws -> [String] {
    try setup.remote.gitLines("ls-tree", "-r", "--name-only", "refs/bursar/runs")
  }

  @Test(arguments: [[0, 1], [1, 0]])
  func eachJobFetchesMergesAndPushes(order: [Int]) throws {
    let setup = try Self.setup()
    for index in order {
      let result = try RunsFixture.run(
        ["record", "-m", "m.json", "--push", "origin"], in: setup.clones[index])
      #expect(result.status == 0, "\(result.stderrText)")
      #expect(result.stdoutText.contains("Pushed refs/bursar/runs to origin"))
    }
    let runs = try Self.remoteRuns(setup)
    #expect(runs.count == 2)
    #expect(runs.allSatisfy { $0.hasPrefix("runs/\(setup.commit.prefix(2))/\(setup.commit)/") })
    // The first job sees both after a sync.
    let first = setup.clones[order[0]]
    #expect(try RunsFixture.run(["runs", "sync", "origin"], in: first).status == 0)
    #expect(try RunsFixture.storedFiles(first).count == 2)
    let recorders = Set(
      try RunsFixture.exported(try RunsFixture.run(["export", "--runs"], in: first)).map {
        $0["recorder_name"] as! String
      })
    #expect(recorders == ["Job 0", "Job 1"])
  }

  /// Both record before either pushes; the second's `git push` is rejected as not a
  /// fast-forward, and the loop docs/ci.md shows (git fetch, `bursar runs merge`, git push)
  /// gets it in; `bursar runs sync` does the same through libgit2.
  @Test func aRejectedPushIsMergedAndRetried() throws {
    let setup = try Self.setup(clones: 3)
    let (a, b, c) = (setup.clones[0], setup.clones[1], setup.clones[2])
    for clone in [a, b, c] {
      #expect(try RunsFixture.run(["record", "-m", "m.json"], in: clone).status == 0)
    }
    // The first push of all: the remote has no runs to fetch yet.
    #expect(throws: ProcessFailure.self) {
      try a.git("fetch", "-q", "origin", "+refs/bursar/runs:refs/bursar/remote-runs")
    }
    let nothing = try RunsFixture.run(["runs", "merge"], in: a)
    #expect(nothing.status == 0 && nothing.stdoutText.contains("nothing to merge"))
    try a.git("push", "-q", "origin", "refs/bursar/runs")
    #expect(throws: ProcessFailure.self) { try b.git("push", "-q", "origin", "refs/bursar/runs") }
    try b.git("fetch", "-q", "origin", "+refs/bursar/runs:refs/bursar/remote-runs")
    let merged = try RunsFixture.run(["runs", "merge"], in: b)
    #expect(merged.status == 0, "\(merged.stderrText)")
    try b.git("push", "-q", "origin", "refs/bursar/runs")
    #expect(try Self.remoteRuns(setup).count == 2)
    let sync = try RunsFixture.run(["runs", "sync", "origin"], in: c)
    #expect(sync.status == 0, "\(sync.stderrText)")
    #expect(try Self.remoteRuns(setup).count == 3)
    // git's own fetch with the documented refspec brings both runs to the first clone.
    try a.git("fetch", "-q", "origin", "+refs/bursar/runs:refs/bursar/remote-runs")
    #expect(
      try a.gitLines("ls-tree", "-r", "--name-only", "refs/bursar/remote-runs").count == 3)
  }

  /// Several jobs record and push at once, twice each: every run reaches the remote.
  @Test func jobsRecordingAtOnceLoseNothing() throws {
    let setup = try Self.setup(clones: 3)
    let binary = try BursarCLI.binary
    for round in 0..<2 {
      let processes: [Process] = try setup.clones.map { clone in
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["record", "-m", "m.json", "--push", "origin"]
        process.currentDirectoryURL = URL(fileURLWithPath: clone.path)
        var environment = TemporaryRepository.environment()
        environment["NO_COLOR"] = "1"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
      }
      for process in processes {
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "round \(round)")
      }
    }
    #expect(try Self.remoteRuns(setup).count == 6)
  }
}
