import CGit2

/// Resolving revision expressions and ranges to commits.
extension Repository {
  /// Resolves anything `git rev-parse` accepts (`HEAD~2`, a branch, a tag, an abbreviated id,
  /// `main^{commit}`...) to a commit, peeling annotated tags.
  public func resolveCommit(_ revision: String) throws(GitError) -> Oid {
    var object: OpaquePointer?
    let expression = Self.expandingHeadShorthand(revision)
    try LibGit2.check(git_revparse_single(&object, handle, expression), "git_revparse_single") {
      revisionError($0, revision: revision)
    }
    defer { git_object_free(object) }
    return try peelToCommit(object!, revision: revision)
  }

  /// Resolves a single revision, `A..B` or `A...B` to the commits at its ends.
  ///
  /// For `A...B` the excluded end is the merge base of `A` and `B` (nil when they share no
  /// history), which is what "the changes of B since it forked from A" needs.
  /// A side left empty means HEAD, as for git.
  public func resolveRange(_ spec: String) throws(GitError) -> RevisionRange {
    var revspec = git_revspec()
    let expression = Self.expandingHeadShorthand(spec)
    do {
      try LibGit2.check(git_revparse(&revspec, handle, expression), "git_revparse") {
        revisionError($0, revision: spec)
      }
    } catch .unknownRevision(spec) {
      throw unknownSide(of: spec)
    }
    defer {
      git_object_free(revspec.from)
      git_object_free(revspec.to)
    }
    let flags = revspec.flags
    guard flags & GIT_REVSPEC_RANGE.rawValue != 0, let fromObject = revspec.from,
      let toObject = revspec.to
    else {
      guard let single = revspec.from ?? revspec.to else { throw .unknownRevision(spec) }
      return RevisionRange(
        from: nil, to: try peelToCommit(single, revision: spec), mergeBase: false)
    }
    let from = try peelToCommit(fromObject, revision: spec)
    let to = try peelToCommit(toObject, revision: spec)
    guard flags & GIT_REVSPEC_MERGE_BASE.rawValue != 0 else {
      return RevisionRange(from: from, to: to, mergeBase: false)
    }
    return RevisionRange(from: try mergeBase(from, to), to: to, mergeBase: true, left: from)
  }

  /// The error naming the end of `A..B` or `A...B` that does not resolve (`nonexistent` in
  /// `main...nonexistent`), or the whole spec when each end resolves alone.
  private func unknownSide(of spec: String) -> GitError {
    let separator = spec.contains("...") ? "..." : ".."
    guard spec.contains(separator) else { return .unknownRevision(spec) }
    for side in spec.components(separatedBy: separator) where !side.isEmpty {
      do { _ = try resolveCommit(side) } catch { return error }
    }
    return .unknownRevision(spec)
  }

  /// The best common ancestor of two commits, as `git merge-base` prints it; nil when the two
  /// share no history.
  public func mergeBase(_ a: Oid, _ b: Oid) throws(GitError) -> Oid? {
    var base = git_oid()
    var rawA = a.raw
    var rawB = b.raw
    do {
      try LibGit2.check(git_merge_base(&base, handle, &rawA, &rawB), "git_merge_base") {
        Self.isNoMergeBase($0) ? nil : missingObjectError($0, id: nil, expected: "commit")
      }
    } catch .libgit2(let failure) where Self.isNoMergeBase(failure) {
      return nil
    }
    return Oid(base)
  }

  /// Spells out git's `@` shorthand for HEAD where libgit2 1.5 only accepts it alone:
  /// `@~1` and `main..@^` become `HEAD~1` and `main..HEAD^`; `@{u}` and `HEAD@{1}` are kept.
  static func expandingHeadShorthand(_ spec: String) -> String {
    spec.replacing(/(^|\.\.\.?)@(?=$|[~^:.])/) { match in match.output.1 + "HEAD" }
  }

  /// libgit2 reports "no merge base" as not-found in the merge class, and a missing object
  /// as not-found in the object-database class.
  private static func isNoMergeBase(_ failure: LibGit2Failure) -> Bool {
    failure.isNotFound && failure.errorClass == Int32(GIT_ERROR_MERGE.rawValue)
  }

  /// Peels a borrowed object (tag, commit) to the commit it names.
  private func peelToCommit(_ object: OpaquePointer, revision: String) throws(GitError) -> Oid {
    var commit: OpaquePointer?
    try LibGit2.check(git_object_peel(&commit, object, GIT_OBJECT_COMMIT), "git_object_peel") {
      failure in
      if let error = missingObjectError(failure, id: nil, expected: "commit"),
        failure.isNotFound
      {
        return error
      }
      return .wrongObjectType(revision, expected: "commit")
    }
    defer { git_object_free(commit) }
    return Oid(git_object_id(commit!))
  }

  /// Translates a failed revision parse into the error a user can act on.
  private func revisionError(_ failure: LibGit2Failure, revision: String) -> GitError? {
    // A walk like HEAD~5 past a shallow cut reports the absent commit by id.
    if isShallow, failure.isNotFound, failure.errorClass == GIT_ERROR_ODB.rawValue,
      let missing = failure.mentionedOid
    {
      return .shallowHistoryMissing(commit: missing)
    }
    switch failure.code {
    case GIT_ENOTFOUND.rawValue, GIT_EINVALIDSPEC.rawValue, GIT_EUNBORNBRANCH.rawValue:
      let namesHead = revision.hasPrefix("HEAD") || revision.hasPrefix("@")
      return isHeadUnborn && namesHead ? .unbornHead : .unknownRevision(revision)
    case GIT_EAMBIGUOUS.rawValue:
      return .ambiguousRevision(revision)
    case GIT_EPEEL.rawValue:
      return .wrongObjectType(revision, expected: "commit")
    default:
      return nil
    }
  }
}
