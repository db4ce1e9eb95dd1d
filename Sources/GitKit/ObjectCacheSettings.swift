import CGit2

/// How libgit2 caches and checks the objects it reads, for every repository in the process.
///
/// A long history walk reads each commit once, so caching every one only grows memory; it
/// does read each folder twice (as one commit's tree and its parent's), so caching folders
/// larger than libgit2's default 4 KiB limit saves work. Settings are process-wide in libgit2:
/// apply them once, at start-up, before repositories are shared.
public struct ObjectCacheSettings: Sendable, Equatable {
  /// The most bytes the cache holds across all repositories.
  public var maxBytes: Int
  /// The largest tree object kept in the cache.
  public var maxTreeBytes: Int
  /// Whether every object read is hashed to check it matches its id. git itself does not
  /// check on read (only `git fsck` does); libgit2 does by default.
  public var verifyHashes: Bool

  public init(maxBytes: Int, maxTreeBytes: Int, verifyHashes: Bool) {
    self.maxBytes = maxBytes
    self.maxTreeBytes = maxTreeBytes
    self.verifyHashes = verifyHashes
  }

  /// For walks over long histories: a small cache that still holds large folders, and reads
  /// as git reads.
  public static let historyWalk = ObjectCacheSettings(
    maxBytes: 1 << 20, maxTreeBytes: 1 << 20, verifyHashes: false)

  /// Applies the settings to libgit2.
  public func apply() throws(GitError) {
    LibGit2.initialize()
    try LibGit2.check(bursar_git_set_cache_max_size(maxBytes), "git_libgit2_opts")
    try LibGit2.check(
      bursar_git_set_cache_object_limit(GIT_OBJECT_TREE, maxTreeBytes), "git_libgit2_opts")
    try LibGit2.check(
      bursar_git_enable_strict_hash_verification(verifyHashes ? 1 : 0), "git_libgit2_opts")
  }
}
