import CGit2
import Foundation

extension Repository {
  /// Where the first-parent index lives: `bursar/first-parents-<version>` in the git directory
  /// shared by every work tree.
  public var firstParentIndexPath: String {
    commonDirectory + "/bursar/first-parents-\(FirstParentIndex.version)"
  }

  /// The first-parent index of this repository, or nil where a commit's parents may not be
  /// what its object says: a shallow clone (`shallow`), grafts (`info/grafts`) or replaced
  /// objects (any `refs/replace/` reference). There the walk reads every commit, as it does
  /// without an index.
  public func firstParentIndex() -> FirstParentIndex? {
    guard !isShallow, !hasRewrittenParents else { return nil }
    return FirstParentIndex(path: firstParentIndexPath)
  }

  /// Whether grafts or replace references may make history differ from the commit objects.
  var hasRewrittenParents: Bool {
    let common = commonDirectory
    if FileManager.default.fileExists(atPath: gitDirectory + "/info/grafts")
      || FileManager.default.fileExists(atPath: common + "/info/grafts")
      || FileManager.default.fileExists(atPath: gitDirectory + "/shallow")
      || FileManager.default.fileExists(atPath: common + "/shallow")
    {
      return true
    }
    var iterator: OpaquePointer?
    guard git_reference_iterator_glob_new(&iterator, handle, "refs/replace/*") == 0 else {
      // Unsure: do without the index.
      return true
    }
    defer { git_reference_iterator_free(iterator) }
    var reference: OpaquePointer?
    let found = git_reference_next(&reference, iterator)
    if found == 0 { git_reference_free(reference) }
    return found != GIT_ITEROVER.rawValue
  }
}
