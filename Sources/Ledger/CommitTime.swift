import Foundation
import GitKit

/// When a commit was authored or committed, with the time zone its author's clock was in, as a
/// use case's result carries it to the command line.
public struct CommitTime: Sendable, Equatable {
  public var time: Date
  /// The zone's offset from UTC in minutes, as git records it.
  public var offsetMinutes: Int

  public init(time: Date, offsetMinutes: Int) {
    self.time = time
    self.offsetMinutes = offsetMinutes
  }
}

extension CommitInfo {
  /// When the commit was authored.
  public var authored: CommitTime {
    CommitTime(time: author.time, offsetMinutes: author.offsetMinutes)
  }

  /// When the commit was committed.
  public var committed: CommitTime {
    CommitTime(time: committer.time, offsetMinutes: committer.offsetMinutes)
  }
}
