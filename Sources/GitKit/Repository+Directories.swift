import CGit2

extension Repository {
  /// The git directory shared by every work tree of the repository, where hooks and
  /// configuration live, without a trailing slash.
  ///
  /// It is `gitDirectory` except in a linked work tree (`git worktree add`), whose own git
  /// directory sits under the main one's `worktrees/`.
  public var commonDirectory: String {
    Self.trimmingTrailingSlash(git_repository_commondir(handle).map { String(cString: $0) } ?? "")
  }
}
