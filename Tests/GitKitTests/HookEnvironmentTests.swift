import Foundation
import GitKit
import TestSupport
import Testing

/// Real git hooks run this test binary again, filtered to `gitKitHookProbe`, so GitKit opens
/// the repository with the environment git gives hooks. Changing this process's own
/// environment instead would leak into every other test running at the same time.
enum HookProbe {
  static let outputVariable = "BURSAR_GITKIT_PROBE_OUTPUT"
  static let modeVariable = "BURSAR_GITKIT_PROBE_MODE"

  static var outputPath: String? { ProcessInfo.processInfo.environment[outputVariable] }

  /// A hook script that runs the probe; it fails the hook when the probe fails.
  static func script() throws -> String {
    let binary = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    return """
      #!/bin/sh
      exec '\(binary)' --testing-library swift-testing --filter gitKitHookProbe >&2

      """
  }

  static func install(_ hook: String, in gitDirectory: String) throws {
    let path = gitDirectory + "/hooks/" + hook
    try FileManager.default.createDirectory(
      atPath: gitDirectory + "/hooks", withIntermediateDirectories: true)
    try Data(script().utf8).write(to: URL(fileURLWithPath: path))
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
  }

  /// The lines the probe wrote.
  static func read(_ path: String) throws -> [String] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
  }
}

/// Runs only inside a hook started by `HookEnvironmentTests`; skipped in ordinary runs.
@Test(.enabled(if: HookProbe.outputPath != nil))
func gitKitHookProbe() throws {
  let environment = ProcessInfo.processInfo.environment
  let output = try #require(HookProbe.outputPath)
  let here = FileManager.default.currentDirectoryPath
  let repository = try Repository.discover(from: here)
  var lines: [String] = []
  switch environment[HookProbe.modeVariable] {
  case "index":
    lines = describe(try repository.indexFiles(under: ".budgets").entries)
  case "quarantine":
    let updates = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    let plain = try Repository.discover(from: here, environment: [:])
    for update in updates.split(separator: "\n") {
      let new = try #require(Oid(hex: String(update.split(separator: " ")[1])))
      let seen = (try? repository.commit(new)) != nil
      let seenWithoutEnvironment = (try? plain.commit(new)) != nil
      lines.append("\(new.hex) \(seen) \(seenWithoutEnvironment)")
    }
  default:
    Issue.record("unknown probe mode")
  }
  try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: output))
}

@Suite(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/exe")))
struct HookEnvironmentTests {
  private func probeEnvironment(_ mode: String, _ output: String) -> [String: String] {
    [HookProbe.outputVariable: output, HookProbe.modeVariable: mode]
  }

  @Test func preCommitSeesTheTemporaryIndexOfCommitAll() throws {
    let fixture = try makeSampleRepository()
    try HookProbe.install("pre-commit", in: fixture.gitDirectory)
    try fixture.write(path: ".budgets/api.yaml", contents: "p95: 99ms\n")
    try fixture.remove(path: ".budgets/web/page.yaml")
    try fixture.write(path: ".budgets/untracked.yaml", contents: "not committed\n")
    let staged = try lsTree(fixture, fixture.git("write-tree") + ":.budgets")
    let output = fixture.directory.appending("probe.txt")
    try fixture.git(
      ["commit", "-q", "-a", "-m", "all"], environment: probeEnvironment("index", output))
    let seen = try HookProbe.read(output)
    #expect(seen == (try lsTree(fixture, "HEAD:.budgets")))
    #expect(seen != staged)
  }

  @Test func preCommitSeesTheTemporaryIndexOfCommitWithPaths() throws {
    let fixture = try makeSampleRepository()
    try HookProbe.install("pre-commit", in: fixture.gitDirectory)
    try fixture.write(path: ".budgets/api.yaml", contents: "p95: 98ms\n")
    try fixture.write(path: ".budgets/feature.yaml", contents: "size: 1kb\n")
    let output = fixture.directory.appending("probe.txt")
    try fixture.git(
      ["commit", "-q", "-m", "only api", "--", ".budgets/api.yaml"],
      environment: probeEnvironment("index", output))
    #expect(try HookProbe.read(output) == (try lsTree(fixture, "HEAD:.budgets")))
  }

  @Test func preReceiveSeesQuarantinedObjects() throws {
    let source = try makeSampleRepository()
    let server = try TemporaryRepository(cloning: source.path, bare: true)
    try HookProbe.install("pre-receive", in: server.gitDirectory)
    try source.write(path: ".budgets/pushed.yaml", contents: "pushed\n")
    let pushed = try source.commit(message: "pushed")
    let output = source.directory.appending("probe.txt")
    try source.git(
      ["push", "-q", server.path, "main"], environment: probeEnvironment("quarantine", output))
    #expect(try HookProbe.read(output) == ["\(pushed) true false"])
    #expect(try server.git("rev-parse", "main") == pushed)
  }
}
