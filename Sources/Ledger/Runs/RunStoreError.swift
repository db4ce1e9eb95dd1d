import GitKit
import Measurements

/// Why the runs reference could not be read or written at all.
public enum RunStoreError: Error, Sendable, Equatable {
  /// git failed (the reference, or an object the store cannot do without).
  case git(GitError)
  /// The reference points at something that is not a commit of runs.
  case notARunsCommit(reference: String, GitError)
  /// Another file with this run's path holds different bytes; nothing was overwritten.
  case conflictingRun(path: String, stored: Oid, recorded: Oid)
  /// The reference kept moving under concurrent writers.
  case contended(reference: String, attempts: Int)
  /// Pushing kept being rejected after fetching and merging each time.
  case pushRejected(remote: String, attempts: Int, reason: String)
}
