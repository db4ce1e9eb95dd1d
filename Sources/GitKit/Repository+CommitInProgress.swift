import CGit2
import Foundation

/// What git is in the middle of while a commit hook runs: a merge, a commit of `-a` or of paths.
extension Repository {
  /// The commits a merge in progress brings in (`MERGE_HEAD`), the other parents its commit
  /// will have; empty when no merge is in progress.
  public func mergeHeads() throws(GitError) -> [Oid] {
    final class Found { var ids: [Oid] = [] }
    let found = Found()
    let code = withExtendedLifetime(found) {
      git_repository_mergehead_foreach(
        handle,
        { oid, payload in
          guard let oid, let payload else { return 0 }
          Unmanaged<Found>.fromOpaque(payload).takeUnretainedValue().ids.append(Oid(oid))
          return 0
        }, Unmanaged.passUnretained(found).toOpaque())
    }
    // GIT_ENOTFOUND: no MERGE_HEAD file, so no merge in progress.
    if code == GIT_ENOTFOUND.rawValue { return [] }
    try LibGit2.check(code, "git_repository_mergehead_foreach")
    return found.ids
  }

  /// Which index the commit being made records: the repository's own `index` file, or one git
  /// made for the commit (`git commit -a` and `-i PATH` commit `index.lock`, `git commit PATH`
  /// a `next-index-*.lock`). Only a repository opened from a hook's environment sees another.
  public var indexInUse: IndexInUse {
    guard indexFromEnvironment else { return .own }
    var index: OpaquePointer?
    guard (try? LibGit2.check(git_repository_index(&index, handle), "git_repository_index")) != nil
    else { return .own }
    defer { git_index_free(index) }
    guard let path = git_index_path(index).map({ String(cString: $0) }) else { return .own }
    let inUse = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    let own = URL(fileURLWithPath: gitDirectory + "/index").resolvingSymlinksInPath().path
    if inUse == own { return .own }
    return URL(fileURLWithPath: inUse).lastPathComponent.hasPrefix("next-index") ? .paths : .all
  }
}

/// Which index a commit being made records.
public enum IndexInUse: Sendable, Equatable {
  /// The repository's own index: what was staged (`git commit`).
  case own
  /// The staged changes and every change to tracked files (`git commit -a`).
  case all
  /// Only the paths named on the command line (`git commit PATH…`).
  case paths
}
