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

  /// Both record before either pushes; the second's plain `git push` is rejected as not a
  /// fast-forward, and `bursar runs sync` fetches, merges and pushes.
  @Test func aRejectedPushIsMergedAndRetried() throws {
    let setup = try Self.setup()
    let (a, b) = (setup.clones[0], setup.clones[1])
    #expect(try RunsFixture.run(["record", "-m", "m.json"], in: a).status == 0)
    #expect(try RunsFixture.run(["record", "-m", "m.json"], in: b).status == 0)
    try a.git("push", "-q", "origin", "refs/bursar/runs")
    #expect(throws: ProcessFailure.self) { try b.git("push", "-q", "origin", "refs/bursar/runs") }
    let sync = try RunsFixture.run(["runs", "sync", "origin"], in: b)
    #expect(sync.status == 0, "\(sync.stderrText)")
    #expect(try Self.remoteRuns(setup).count == 2)
    // git's own fetch with the documented refspec brings both runs to the first clone.
    try a.git("fetch", "-q", "origin", "+refs/bursar/runs:refs/bursar/remote-runs")
    #expect(
      try a.gitLines("ls-tree", "-r", "--name-only", "refs/bursar/remote-runs").count == 2)
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
