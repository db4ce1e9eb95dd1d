import CGit2
import Foundation

/// Reading and moving a direct reference with compare-and-swap.
extension Repository {
  /// The object the direct reference `name` points at; nil when there is no such reference.
  public func target(ofReference name: String) throws(GitError) -> Oid? {
    try referenceTarget(name)
  }

  /// Points `name` at `target`, but only while it still points at `expected` (nil: only while
  /// it does not exist), checked under the reference's lock. Returns false, moving nothing,
  /// when another writer moved it first or holds its lock.
  public func moveReference(
    _ name: String, to target: Oid, from expected: Oid?, message: String
  ) throws(GitError) -> Bool {
    var reference: OpaquePointer?
    var new = target.raw
    // A zero id means "only while there is no such ref", which libgit2 checks under the lock.
    var current = expected?.raw ?? git_oid()
    let code = git_reference_create_matching(
      &reference, handle, name, &new, 1, &current, message)
    if [GIT_EMODIFIED.rawValue, GIT_EEXISTS.rawValue, GIT_ELOCKED.rawValue].contains(code) {
      return false
    }
    try LibGit2.check(code, "git_reference_create_matching")
    git_reference_free(reference)
    return true
  }
}
