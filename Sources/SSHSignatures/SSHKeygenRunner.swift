import Foundation

/// Runs `ssh-keygen` with files, not pipes, for its standard streams.
///
/// Files avoid both pipe deadlocks on large input and SIGPIPE when
/// `ssh-keygen` exits before reading all of its input.
struct SSHKeygenRunner {
  /// What a finished `ssh-keygen` run produced.
  struct Output {
    var exitCode: Int32
    var standardOutput: String
    var standardError: String
  }

  var environment: [String: String]

  /// Runs `ssh-keygen arguments...` via `/usr/bin/env`, with `input` on standard input.
  func run(_ arguments: [String], input: Data) throws(SSHKeygenError) -> Output {
    let fileManager = FileManager.default
    let folder = fileManager.temporaryDirectory
      .appendingPathComponent("ssh-keygen-\(UUID().uuidString)", isDirectory: true)
    do {
      try fileManager.createDirectory(at: folder, withIntermediateDirectories: false)
      defer { try? fileManager.removeItem(at: folder) }
      return try run(arguments, input: input, folder: folder)
    } catch let error as SSHKeygenError {
      throw error
    } catch {
      throw .launchFailed(detail: error.localizedDescription)
    }
  }

  private func run(_ arguments: [String], input: Data, folder: URL) throws -> Output {
    let inputURL = folder.appendingPathComponent("input")
    let outputURL = folder.appendingPathComponent("output")
    let errorURL = folder.appendingPathComponent("error")
    try input.write(to: inputURL)
    for url in [outputURL, errorURL] {
      try Data().write(to: url)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["ssh-keygen"] + arguments
    process.environment = environment
    let inputHandle = try FileHandle(forReadingFrom: inputURL)
    let outputHandle = try FileHandle(forWritingTo: outputURL)
    let errorHandle = try FileHandle(forWritingTo: errorURL)
    defer {
      for handle in [inputHandle, outputHandle, errorHandle] { try? handle.close() }
    }
    process.standardInput = inputHandle
    process.standardOutput = outputHandle
    process.standardError = errorHandle
    try process.run()
    process.waitUntilExit()
    return Output(
      exitCode: process.terminationStatus,
      standardOutput: String(decoding: try Data(contentsOf: outputURL), as: UTF8.self),
      standardError: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self))
  }
}
