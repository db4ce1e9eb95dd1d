import CGit2

/// Writing the repository's own configuration (`.git/config`, or `config` of a bare one).
extension Repository {
  /// Replaces every value of a multi-valued key in the repository's own configuration with
  /// `values`, in order; no values removes the key.
  public func setConfigValues(_ key: String, _ values: [String]) throws(GitError) {
    var config: OpaquePointer?
    try LibGit2.check(git_repository_config(&config, handle), "git_repository_config")
    defer { git_config_free(config) }
    var local: OpaquePointer?
    try LibGit2.check(
      git_config_open_level(&local, config, GIT_CONFIG_LEVEL_LOCAL), "git_config_open_level")
    defer { git_config_free(local) }
    let removed = git_config_delete_multivar(local, key, ".*")
    if removed != GIT_ENOTFOUND.rawValue {
      try LibGit2.check(removed, "git_config_delete_multivar")
    }
    for value in values {
      // A pattern no value matches adds the value rather than replacing one.
      try LibGit2.check(
        git_config_set_multivar(local, key, "a^", value), "git_config_set_multivar")
    }
  }
}
