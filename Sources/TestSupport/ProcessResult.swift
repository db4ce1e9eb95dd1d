import Foundation

/// What a finished child process left behind: its exit status and everything it printed.
public struct ProcessResult: Sendable, Equatable {
  /// The exit status; for a process killed by a signal, the signal number as Foundation
  /// reports it.
  public let status: Int32
  /// Everything written to standard output.
  public let stdout: Data
  /// Everything written to standard error.
  public let stderr: Data

  /// Creates a result from its parts.
  public init(status: Int32, stdout: Data, stderr: Data) {
    self.status = status
    self.stdout = stdout
    self.stderr = stderr
  }

  /// Standard output decoded as UTF-8, invalid bytes replaced.
  public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
  /// Standard error decoded as UTF-8, invalid bytes replaced.
  public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
  /// Whether the process exited with status 0.
  public var succeeded: Bool { status == 0 }
}
