import CGit2

/// Process-wide libgit2 set-up and the single place where libgit2 return codes are checked.
enum LibGit2 {
  /// libgit2 must be initialised once before any other call; a `static let` gives a
  /// thread-safe, exactly-once initialisation. It is never shut down: the library's global
  /// state lives as long as the process, so no handle can outlive it.
  private static let initialization: Int32 = git_libgit2_init()

  /// Makes sure libgit2 has been initialised.
  static func initialize() {
    _ = initialization
  }

  /// The version of the libgit2 library linked at run time, such as "1.5.1".
  static var version: String {
    initialize()
    var major: Int32 = 0
    var minor: Int32 = 0
    var revision: Int32 = 0
    git_libgit2_version(&major, &minor, &revision)
    return "\(major).\(minor).\(revision)"
  }

  /// Throws when `code` reports a libgit2 failure, and does nothing otherwise.
  ///
  /// Call it directly around the libgit2 call (`try LibGit2.check(git_x(...), "git_x")`):
  /// libgit2 keeps its last error per thread and any later libgit2 call may overwrite it, so
  /// the error is read before anything else runs, including `translate`.
  /// - Parameters:
  ///   - code: the value returned by the libgit2 function.
  ///   - function: the name of that function, kept for diagnostics.
  ///   - translate: turns the failure into a more specific error, or returns nil to keep
  ///     the generic `GitError.libgit2` case.
  static func check(
    _ code: Int32,
    _ function: StaticString,
    translate: (LibGit2Failure) -> GitError? = { _ in nil }
  ) throws(GitError) {
    guard code < 0 else { return }
    let failure = LibGit2Failure(code: code, function: "\(function)", error: git_error_last())
    throw translate(failure) ?? .libgit2(failure)
  }
}
