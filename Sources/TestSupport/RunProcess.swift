import Foundation

/// Runs a program to completion and returns its status and output.
///
/// - Parameters:
///   - executable: an absolute path, or a name looked up in the `PATH` of `environment`
///     (or of this process when `environment` is nil).
///   - arguments: the arguments after the program name.
///   - stdin: bytes fed to standard input, which is closed afterwards; nil gives empty input.
///   - environment: the child's whole environment; nil inherits this process's.
///   - cwd: the working directory of the child.
/// - Throws: `ProcessFailure` when the program cannot be found or started; a non-zero exit
///   is returned, not thrown.
public func runProcess(
  _ executable: String,
  _ arguments: [String],
  stdin: Data? = nil,
  environment: [String: String]? = nil,
  cwd: String
) throws -> ProcessResult {
  let command = [executable] + arguments
  guard let path = resolveExecutable(executable, environment: environment) else {
    throw ProcessFailure(
      command: command, status: nil,
      stderr: "\(executable) not found in PATH: `make test-deps` installs what the tests need")
  }
  // A child that exits before reading its input must not kill this process with SIGPIPE.
  signal(SIGPIPE, SIG_IGN)
  let process = Process()
  process.executableURL = URL(fileURLWithPath: path)
  process.arguments = arguments
  process.currentDirectoryURL = URL(fileURLWithPath: cwd, isDirectory: true)
  if let environment { process.environment = environment }
  let input = Pipe()
  let output = Pipe()
  let errors = Pipe()
  process.standardInput = input
  process.standardOutput = output
  process.standardError = errors
  do {
    try process.run()
  } catch {
    throw ProcessFailure(command: command, status: nil, stderr: "\(error)")
  }
  // Both pipes are drained at once: a child filling one while we block on the other would
  // never finish.
  let group = DispatchGroup()
  let errorBytes = DataBox()
  DispatchQueue.global().async(group: group) {
    errorBytes.data = errors.fileHandleForReading.readDataToEndOfFile()
  }
  DispatchQueue.global().async(group: group) {
    let writer = input.fileHandleForWriting
    if let stdin, !stdin.isEmpty { try? writer.write(contentsOf: stdin) }
    try? writer.close()
  }
  let outputBytes = output.fileHandleForReading.readDataToEndOfFile()
  group.wait()
  process.waitUntilExit()
  return ProcessResult(
    status: process.terminationStatus, stdout: outputBytes, stderr: errorBytes.data)
}

/// Runs a program like `runProcess`, and throws unless it exits with status 0.
///
/// - Throws: `ProcessFailure` with the program's error output when it cannot start or fails.
@discardableResult
public func runSucceeding(
  _ executable: String,
  _ arguments: [String],
  stdin: Data? = nil,
  environment: [String: String]? = nil,
  cwd: String
) throws -> ProcessResult {
  let result = try runProcess(
    executable, arguments, stdin: stdin, environment: environment, cwd: cwd)
  guard result.succeeded else {
    throw ProcessFailure(
      command: [executable] + arguments, status: result.status, stderr: result.stderrText)
  }
  return result
}

/// The absolute path of a program, searching `PATH` when the name has no slash.
private func resolveExecutable(_ name: String, environment: [String: String]?) -> String? {
  if name.contains("/") { return name }
  let searchPath =
    (environment ?? ProcessInfo.processInfo.environment)["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
  for folder in searchPath.split(separator: ":") {
    let candidate = "\(folder)/\(name)"
    if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
  }
  return nil
}

/// Carries bytes from a reader thread; `DispatchGroup.wait` orders the write before the read.
private final class DataBox: @unchecked Sendable {
  var data = Data()
}
