import GitKit
import Measurements

/// A stored run that could not be read, with the reason; readers report it and go on.
public struct RunSkip: Sendable, Equatable, CustomStringConvertible {
  public enum Reason: Sendable, Equatable {
    /// The bytes are not a run this bursar reads: damaged, changed, or of a newer format.
    case unreadable(RunDocumentError)
    /// The blob is missing or not a blob.
    case missingObject(GitError)
    /// The file's name is not `<run id>.json`, or not the id its content gives.
    case misnamed(expected: String?)
    /// The run names another commit than the folder it is stored in.
    case misplaced(runCommit: String)
    /// The commit the run measures is not in this repository (rewritten away, or not fetched).
    case commitNotInHistory
    /// Something in the runs tree that is not a run file: a folder name that is not a commit
    /// id, a file where a folder belongs.
    case notARun
  }

  /// The path in the runs tree.
  public var path: String
  public var reason: Reason

  public init(path: String, reason: Reason) {
    self.path = path
    self.reason = reason
  }

  /// Whether the run was written by a newer bursar (so upgrading reads it).
  public var isFutureFormat: Bool {
    if case .unreadable(let error) = reason, case .futureFormat = error.reason { return true }
    return false
  }

  public var description: String {
    switch reason {
    case .unreadable(let error): return "skipped \(error)"
    case .missingObject(let error): return "skipped \(path): \(error)"
    case .misnamed(let expected):
      return expected.map { "skipped \(path): its content is run \($0), not the file's name" }
        ?? "skipped \(path): the name is not <run id>.json"
    case .misplaced(let commit):
      return "skipped \(path): the run measures commit \(commit), not the commit of its folder"
    case .commitNotInHistory:
      return "skipped \(path): its commit is not in this repository (rewritten, or not fetched)"
    case .notARun:
      return "skipped \(path): not a run file"
    }
  }
}
