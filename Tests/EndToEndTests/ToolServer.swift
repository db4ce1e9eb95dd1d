import Foundation
import TestSupport
import Testing

/// A server a test starts on 127.0.0.1 (a loopback HTTP server, MLflow, Prometheus): run under
/// `timeout` so it ends by itself, and stopped when the test is done.
final class ToolServer {
  let process = Process()
  let log: String

  /// Starts `timeout SECONDS executable arguments…` in `directory`, output to a log file.
  init(
    _ executable: String, _ arguments: [String], seconds: Int, in directory: String,
    environment: [String: String] = [:]
  ) throws {
    log =
      directory + "/\(URL(fileURLWithPath: executable).lastPathComponent)-\(UUID().uuidString).log"
    FileManager.default.createFile(atPath: log, contents: nil)
    process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
    // `timeout` runs the server in a process group of its own and signals the whole group, with
    // KILL 5 s after TERM for a server that ignores TERM.
    process.arguments = ["-k", "5", String(seconds), executable] + arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
  }

  func stop() {
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
    }
  }

  deinit { stop() }

  var logText: String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }

  /// A port free on 127.0.0.1 a moment ago.
  static func freePort() throws -> Int {
    let result = try runSucceeding(
      "python3",
      ["-c", "import socket;s=socket.socket();s.bind(('127.0.0.1',0));print(s.getsockname()[1])"],
      cwd: "/")
    return try #require(Int(result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)))
  }

  /// Waits until `url` answers (any HTTP status), at most `seconds`.
  func waitUntilReady(_ url: String, seconds: Double) throws {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      let probe = try runProcess(
        "python3",
        [
          "-c",
          "import sys,urllib.request,urllib.error\ntry: urllib.request.urlopen(sys.argv[1], timeout=1)\nexcept urllib.error.HTTPError: pass",
          url,
        ], cwd: "/")
      if probe.succeeded { return }
      try #require(process.isRunning, "the server stopped: \(logText.suffix(2000))")
      Thread.sleep(forTimeInterval: 0.3)
    }
    Issue.record("\(url) did not answer within \(seconds)s: \(logText.suffix(2000))")
    throw CancellationError()
  }

  /// `GET url` with python's urllib, the body saved to `path`.
  static func download(_ url: String, to path: String) throws {
    try runSucceeding(
      "python3",
      [
        "-c",
        "import sys,urllib.request\nopen(sys.argv[2],'wb').write(urllib.request.urlopen(sys.argv[1], timeout=20).read())",
        url, path,
      ], cwd: "/")
  }
}
