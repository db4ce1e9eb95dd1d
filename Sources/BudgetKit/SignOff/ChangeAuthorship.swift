/// Which commits of a change make their authors authors of the change, for
/// `self_approval: false`: those that change the meaning of a governed file.
///
/// A commit authors the change when one of its governed files has a meaning none of its
/// parents had there (absence counts as a meaning). So a commit that only adds or edits
/// approval records authors nothing, nor does a reformatting; a merge whose every governed
/// file comes unchanged from one of its parents (a `--no-ff` merge, or a merge of branches
/// that touched different files) resolves nothing and authors nothing, while a merge that
/// resolves a conflict into a new meaning authors it. A root commit authors every governed
/// file it holds.
public enum ChangeAuthorship {
  /// Whether the commit with these governed files authors the change. Passing only the paths
  /// whose blobs differ from every parent is enough: an unchanged file has its parent's meaning.
  public static func authors(_ commit: GovernedMeanings, parents: [GovernedMeanings]) -> Bool {
    var paths = Set(commit.meanings.keys)
    for parent in parents { paths.formUnion(parent.meanings.keys) }
    return paths.contains { path in
      let meaning = commit.meanings[path]
      guard !parents.isEmpty else { return meaning != nil }
      return !parents.contains { $0.meanings[path] == meaning }
    }
  }
}
