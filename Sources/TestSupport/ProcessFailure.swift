/// A child process that could not start or that exited with a non-zero status.
public struct ProcessFailure: Error, CustomStringConvertible, Sendable {
  /// The command line, executable first.
  public let command: [String]
  /// The exit status, or nil when the process could not be started.
  public let status: Int32?
  /// What the process wrote to standard error, or why it could not start.
  public let stderr: String

  /// Creates a failure from its parts.
  public init(command: [String], status: Int32?, stderr: String) {
    self.command = command
    self.status = status
    self.stderr = stderr
  }

  /// The command, the status and the error output on one line each.
  public var description: String {
    let state = status.map { "exited with status \($0)" } ?? "could not start"
    return "`\(command.joined(separator: " "))` \(state):\n\(stderr)"
  }
}
