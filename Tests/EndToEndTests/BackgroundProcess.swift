import Foundation
import TestSupport

/// A server a test starts and stops: run under `timeout`, so it ends by itself even when the
/// test is killed, and stopped by `stop()` (or when dropped), killed if it does not stop.
///
/// The test process blocks most signals on its threads, and a child inherits that mask, so a
/// server started directly could never be stopped by `SIGTERM` nor `timeout`'s alarm: a small
/// launcher clears the mask and the ignored `SIGPIPE` before it runs `timeout`.
final class BackgroundProcess {
  private let process = Process()
  private let output = Pipe()
  let command: [String]
  /// Where standard error goes: a file, so a chatty server never fills a pipe and blocks.
  let log: String

  private static let launcher = """
    import os, signal, sys
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    os.execvp("timeout", ["timeout", "-k", "5"] + sys.argv[1:])
    """

  /// Starts `executable` under `timeout SECONDS`, in `cwd`, its standard error in `log`.
  init(
    _ executable: String, _ arguments: [String], cwd: String, log: String,
    timeout seconds: Int = 120
  ) throws {
    command = [executable] + arguments
    self.log = log
    _ = FileManager.default.createFile(atPath: log, contents: nil)
    guard let errors = FileHandle(forWritingAtPath: log) else {
      throw ProcessFailure(command: command, status: nil, stderr: "cannot write \(log)")
    }
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", Self.launcher, "\(seconds)", executable] + arguments
    process.currentDirectoryURL = URL(fileURLWithPath: cwd, isDirectory: true)
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = output
    process.standardError = errors
    do {
      try process.run()
    } catch {
      throw ProcessFailure(command: command, status: nil, stderr: "\(error)")
    }
  }

  /// The first line the process writes to standard output (it ends at the latest when the
  /// process does, under its timeout).
  func firstLine() throws -> String {
    let handle = output.fileHandleForReading
    var bytes = Data()
    while true {
      let chunk = handle.availableData
      if chunk.isEmpty { break }
      bytes.append(chunk)
      if let newline = bytes.firstIndex(of: 10) {
        return String(decoding: bytes[..<newline], as: UTF8.self)
      }
    }
    throw ProcessFailure(
      command: command, status: nil, stderr: "no line on standard output: \(errorText())")
  }

  var isRunning: Bool { process.isRunning }

  /// The last lines the process wrote on standard error.
  func errorText(lines: Int = 20) -> String {
    let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").suffix(lines).joined(separator: "\n")
  }

  /// Asks `timeout` to stop the server (it passes `SIGTERM` on, and kills it 5 seconds
  /// later), and kills `timeout` itself if it has not ended within 10 seconds.
  func stop() {
    guard process.isRunning else { return }
    process.terminate()
    let deadline = Date().addingTimeInterval(10)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
  }

  deinit { stop() }
}
