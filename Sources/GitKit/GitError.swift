/// Everything GitKit can fail with, in terms a person can act on.
///
/// Cases that need no libgit2 detail carry only what names the problem; anything without a
/// specific case keeps libgit2's own code, class and message in `libgit2`.
public enum GitError: Error, Sendable, Equatable, CustomStringConvertible {
  /// No git repository was found at or above the path.
  case notARepository(path: String)
  /// The revision does not name anything in the repository.
  case unknownRevision(String)
  /// The abbreviated id or name matches more than one object.
  case ambiguousRevision(String)
  /// The revision or object exists but is not of the expected kind (a tree where a commit
  /// was needed, for instance).
  case wrongObjectType(String, expected: String)
  /// No object with this id exists in the repository.
  case objectNotFound(Oid)
  /// git refuses repositories owned by another user unless they are declared safe.
  case repositoryOwnedByAnotherUser(path: String)
  /// The operation needs a work tree or an index, and a bare repository has neither.
  case bareRepository(path: String)
  /// HEAD points at a branch that has no commit yet.
  case unbornHead
  /// The repository is a shallow clone and this commit lies beyond its history.
  case shallowHistoryMissing(commit: Oid)
  /// A blob is larger than the caller accepts; it was not read.
  case blobTooLarge(path: String, size: Int, limit: Int)
  /// Any other libgit2 failure.
  case libgit2(LibGit2Failure)

  /// A sentence or two saying what went wrong and, where possible, what to do.
  public var description: String {
    switch self {
    case .notARepository(let path):
      return "'\(path)' is not inside a git repository (nor is any of its parent folders)."
    case .unknownRevision(let revision):
      return "Unknown revision '\(revision)': it names no commit, branch or tag here."
    case .ambiguousRevision(let revision):
      return "Ambiguous revision '\(revision)': it matches several objects; use more digits."
    case .wrongObjectType(let name, let expected):
      return "'\(name)' does not name a \(expected)."
    case .objectNotFound(let id):
      return "Object \(id) was not found in the repository."
    case .repositoryOwnedByAnotherUser(let path):
      return """
        The repository at '\(path)' is owned by another user, so git does not trust it. \
        If you trust it, run: git config --global --add safe.directory \(path)
        """
    case .bareRepository(let path):
      return "The repository at '\(path)' is bare: it has no work tree and no index."
    case .unbornHead:
      return "HEAD has no commits yet: the repository's current branch is unborn."
    case .shallowHistoryMissing(let commit):
      return """
        Commit \(commit) is missing because this is a shallow clone. \
        Fetch the history with `git fetch --unshallow`, or deepen it with `git fetch --depth=N`.
        """
    case .blobTooLarge(let path, let size, let limit):
      return "'\(path)' is \(size) bytes, larger than the limit of \(limit) bytes; it was not read."
    case .libgit2(let failure):
      return "A git operation failed: \(failure)"
    }
  }
}
