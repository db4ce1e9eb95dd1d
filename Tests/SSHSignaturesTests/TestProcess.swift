import Foundation

/// Runs command-line tools for the tests, with files for the standard streams.
enum TestProcess {
  struct Result {
    var exitCode: Int32
    var outputData: Data
    var error: String
    var output: String { String(decoding: outputData, as: UTF8.self) }
    var succeeded: Bool { exitCode == 0 }
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// Runs `tool arguments...` through `/usr/bin/env` and waits for it.
  static func run(
    _ tool: String, _ arguments: [String], input: Data = Data(),
    environment: [String: String] = [:]
  ) throws -> Result {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let inputURL = folder.url.appendingPathComponent("stdin")
    let outputURL = folder.url.appendingPathComponent("stdout")
    let errorURL = folder.url.appendingPathComponent("stderr")
    try input.write(to: inputURL)
    try Data().write(to: outputURL)
    try Data().write(to: errorURL)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let handles = try [
      FileHandle(forReadingFrom: inputURL), FileHandle(forWritingTo: outputURL),
      FileHandle(forWritingTo: errorURL),
    ]
    defer { handles.forEach { try? $0.close() } }
    process.standardInput = handles[0]
    process.standardOutput = handles[1]
    process.standardError = handles[2]
    try process.run()
    process.waitUntilExit()
    return Result(
      exitCode: process.terminationStatus,
      outputData: try Data(contentsOf: outputURL),
      error: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self))
  }

  /// Runs a tool and fails the test setup unless it exits with status 0.
  @discardableResult
  static func check(
    _ tool: String, _ arguments: [String], input: Data = Data(),
    environment: [String: String] = [:]
  ) throws -> String {
    let result = try run(tool, arguments, input: input, environment: environment)
    guard result.succeeded else {
      throw Failure(
        description: "\(tool) \(arguments.joined(separator: " ")) failed: \(result.error)")
    }
    return result.output
  }
}

/// A fresh folder under the system temporary directory.
struct TemporaryFolder: Sendable {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("sshsig-tests-\(UUID().uuidString.prefix(8))", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  func path(_ name: String) -> String {
    url.appendingPathComponent(name).path
  }

  func write(_ text: String, to name: String) throws -> String {
    let file = path(name)
    try Data(text.utf8).write(to: URL(fileURLWithPath: file))
    return file
  }

  func remove() {
    try? FileManager.default.removeItem(at: url)
  }
}
