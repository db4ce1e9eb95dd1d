import CGit2

/// Looking up references by their full names (`refs/heads/main`, `refs/remotes/origin/HEAD`).
extension Repository {
  /// Whether a reference with this full name exists (a branch, tag or remote-tracking branch).
  public func referenceExists(_ name: String) -> Bool {
    var reference: OpaquePointer?
    guard git_reference_lookup(&reference, handle, name) == 0 else { return false }
    git_reference_free(reference)
    return true
  }

  /// The full name a symbolic reference points to (`refs/remotes/origin/HEAD` to
  /// `refs/remotes/origin/main`); nil when it is absent or not symbolic.
  public func symbolicTarget(of name: String) -> String? {
    var reference: OpaquePointer?
    guard git_reference_lookup(&reference, handle, name) == 0, let reference else { return nil }
    defer { git_reference_free(reference) }
    guard git_reference_type(reference) == GIT_REFERENCE_SYMBOLIC else { return nil }
    return git_reference_symbolic_target(reference).map { String(cString: $0) }
  }
}
