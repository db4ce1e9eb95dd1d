import CGit2
import Foundation

/// An open git repository; it owns the libgit2 handle and frees it when released.
///
/// A `Repository` is not `Sendable`: libgit2 allows one repository handle to be used by one
/// thread at a time only, so each task or thread should open its own.
public final class Repository {
  /// The variables git sets for hooks whose values change which repository, index or objects
  /// a hook must see (a `git commit -a` temporary index, a `pre-receive` quarantine).
  public static let hookEnvironmentVariables = [
    "GIT_DIR", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_QUARANTINE_PATH",
  ]

  /// The owned `git_repository *`.
  let handle: OpaquePointer
  /// Whether the index was named by `GIT_INDEX_FILE`, which makes it usable even when bare.
  let indexFromEnvironment: Bool
  /// Whether libgit2 read git's environment when opening it (`GIT_REPOSITORY_OPEN_FROM_ENV`).
  let openedFromEnvironment: Bool

  private init(handle: OpaquePointer, indexFromEnvironment: Bool, openedFromEnvironment: Bool) {
    self.handle = handle
    self.indexFromEnvironment = indexFromEnvironment
    self.openedFromEnvironment = openedFromEnvironment
  }

  deinit {
    git_repository_free(handle)
  }

  /// Opens the repository the way git does, inside hooks as well as outside them.
  ///
  /// When `environment` sets any of `hookEnvironmentVariables`, the repository is opened with
  /// libgit2's `GIT_REPOSITORY_OPEN_FROM_ENV`, so a `pre-commit` hook sees the temporary index
  /// of `git commit -a` and a `pre-receive` hook sees the quarantined objects. libgit2 then reads
  /// those variables (and `GIT_CEILING_DIRECTORIES`, `GIT_NAMESPACE`...) from the process
  /// environment itself, so `environment` should be the process's: it only chooses the mode.
  /// `GIT_DIR`, when set, replaces `path`, as it does for git; `GIT_WORK_TREE` and
  /// `GIT_COMMON_DIR` are not supported by libgit2 1.5 in that mode and make the open fail.
  /// Otherwise the repository is discovered upward from `path`, which may be a folder of a work
  /// tree or a bare repository.
  public static func discover(
    from path: String,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(GitError) -> Repository {
    LibGit2.initialize()
    let fromEnvironment = hookEnvironmentVariables.contains { environment[$0] != nil }
    let gitDir = fromEnvironment ? environment["GIT_DIR"] : nil
    // With FROM_ENV a NULL path makes libgit2 read GIT_DIR; a path makes it search from there.
    let start: String? = gitDir == nil ? path : nil
    let flags = fromEnvironment ? GIT_REPOSITORY_OPEN_FROM_ENV.rawValue : 0
    let shownPath = gitDir ?? path
    var handle: OpaquePointer?
    try LibGit2.check(
      git_repository_open_ext(&handle, start, flags, nil), "git_repository_open_ext"
    ) { failure in
      openError(failure, path: shownPath)
    }
    guard let handle else {
      throw .notARepository(path: shownPath)
    }
    return Repository(
      handle: handle,
      indexFromEnvironment: fromEnvironment && environment["GIT_INDEX_FILE"] != nil,
      openedFromEnvironment: fromEnvironment)
  }

  /// A second handle on this repository, opened as this one was (with git's environment inside
  /// hooks, so it sees the same objects), for reading on another thread.
  public func reopened() throws(GitError) -> Repository {
    let path = gitDirectory
    let flags =
      openedFromEnvironment
      ? GIT_REPOSITORY_OPEN_FROM_ENV.rawValue : GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue
    // From the environment, libgit2 reads GIT_DIR itself when it is set, as `discover` let it.
    let start =
      openedFromEnvironment && ProcessInfo.processInfo.environment["GIT_DIR"] != nil ? nil : path
    var handle: OpaquePointer?
    try LibGit2.check(
      git_repository_open_ext(&handle, start, flags, nil),
      "git_repository_open_ext"
    ) { failure in
      Self.openError(failure, path: path)
    }
    guard let handle else { throw .notARepository(path: path) }
    return Repository(
      handle: handle, indexFromEnvironment: indexFromEnvironment,
      openedFromEnvironment: openedFromEnvironment)
  }

  private static func openError(_ failure: LibGit2Failure, path: String) -> GitError? {
    switch failure.code {
    case GIT_ENOTFOUND.rawValue where failure.mentions("safe.directory"):
      // libgit2 1.5 reports an untrusted owner this way when no safe.directory is set at all.
      return .repositoryOwnedByAnotherUser(path: repositoryRoot(from: path) ?? path)
    case GIT_ENOTFOUND.rawValue:
      return .notARepository(path: path)
    case GIT_EOWNER.rawValue:
      return .repositoryOwnedByAnotherUser(path: ownedPath(in: failure.message) ?? path)
    default:
      return nil
    }
  }

  /// The path libgit2 quotes in its ownership message ("repository path '...' is not owned"),
  /// which is the one `safe.directory` must name.
  private static func ownedPath(in message: String?) -> String? {
    guard let message else { return nil }
    let parts = message.split(separator: "'", omittingEmptySubsequences: false)
    guard parts.count >= 3, !parts[1].isEmpty else { return nil }
    return trimmingTrailingSlash(String(parts[1]))
  }

  /// The folder `safe.directory` must name for the repository found from `path`: the work
  /// tree, or the git directory of a bare repository. Finding it does not check the owner.
  private static func repositoryRoot(from path: String) -> String? {
    var found = git_buf()
    guard
      (try? LibGit2.check(
        git_repository_discover(&found, path, 0, nil), "git_repository_discover")) != nil
    else { return nil }
    defer { git_buf_dispose(&found) }
    guard let pointer = found.ptr else { return nil }
    let gitDirectory = trimmingTrailingSlash(String(cString: pointer))
    guard gitDirectory.hasSuffix("/.git") else { return gitDirectory }
    return String(gitDirectory.dropLast("/.git".count))
  }

  static func trimmingTrailingSlash(_ path: String) -> String {
    var path = path
    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    return path
  }

  /// The version of the libgit2 library in use, such as "1.5.1".
  public static var libgit2Version: String { LibGit2.version }

  /// Whether the repository has no work tree.
  public var isBare: Bool { git_repository_is_bare(handle) == 1 }

  /// The absolute path of the work tree without a trailing slash, or nil when bare.
  public var workingDirectory: String? {
    git_repository_workdir(handle).map { Self.trimmingTrailingSlash(String(cString: $0)) }
  }

  /// The absolute path of the git directory (`.git`, or the bare repository itself) without a
  /// trailing slash.
  public var gitDirectory: String {
    Self.trimmingTrailingSlash(git_repository_path(handle).map { String(cString: $0) } ?? "")
  }

  /// Whether the repository is a shallow clone, so older history may be missing.
  public var isShallow: Bool { git_repository_is_shallow(handle) == 1 }

  /// Whether HEAD points at a branch that has no commit yet.
  public var isHeadUnborn: Bool { git_repository_head_unborn(handle) == 1 }

  /// Whether the repository has no commits: HEAD is unborn and no reference exists at all.
  public var isEmpty: Bool {
    // git_repository_is_empty also demands that HEAD names the configured default branch,
    // which makes the answer depend on the user's init.defaultBranch.
    guard isHeadUnborn else { return false }
    var iterator: OpaquePointer?
    guard
      (try? LibGit2.check(
        git_reference_iterator_new(&iterator, handle), "git_reference_iterator_new")) != nil
    else { return false }
    defer { git_reference_iterator_free(iterator) }
    var reference: OpaquePointer?
    let code = git_reference_next(&reference, iterator)
    if code == 0 { git_reference_free(reference) }
    return code == GIT_ITEROVER.rawValue
  }

  /// The value of a configuration key such as `core.hooksPath`, from every level git reads
  /// (repository, global, system); nil when unset or when the configuration cannot be read.
  public func config(_ key: String) -> String? {
    var config: OpaquePointer?
    // Reading single values needs a snapshot, which libgit2 parses once for this call.
    guard
      (try? LibGit2.check(
        git_repository_config_snapshot(&config, handle), "git_repository_config_snapshot"))
        != nil,
      let config
    else { return nil }
    defer { git_config_free(config) }
    var value: UnsafePointer<CChar>?
    guard
      (try? LibGit2.check(git_config_get_string(&value, config, key), "git_config_get_string"))
        != nil
    else { return nil }
    return value.map { String(cString: $0) }
  }
}
