import GitKit

/// Walks history and yields only the commits whose budgets folder differs from their parent's,
/// comparing folder ids: no blob is read and no unchanged commit costs more than two lookups.
///
/// The default walk (one head, first parents, nothing hidden) follows the parent links itself
/// and holds one commit at a time, so memory stays flat however long the history. Other walks
/// use libgit2's revision walk. In a walk of all parents a merge whose budgets equal one of its
/// parents' is skipped, as its changes are shown on the branch that made them.
public final class HistoryWalker {
  private let repository: any ObjectReading
  /// The per-commit reads; a `RawObjectReader` for a repository on disk.
  private let reader: any HistoryReading
  private let root: String
  private let scope: HistoryScope
  private var revWalk: (any CommitWalk)?
  /// The next commit of the default walk, with its budgets folder.
  private var chainNext: (links: CommitLinks, budgets: Oid?)?
  private var chainStarted = false
  private var lastRoot: (tree: Oid, budgets: Oid?)?
  /// How many commits were looked at, for statistics.
  public private(set) var visited = 0

  public init(repository: any ObjectReading, root: String = ".budgets", scope: HistoryScope)
    throws(GitError)
  {
    self.repository = repository
    self.reader = try repository.historyReader()
    self.root = root
    self.scope = scope
    if !isChain {
      revWalk = try repository.commitWalk(
        from: scope.heads, hiding: scope.hiding, firstParentOnly: scope.firstParentOnly,
        order: scope.firstParentOnly ? .time : .topological)
    }
  }

  private var isChain: Bool {
    scope.heads.count == 1 && scope.hiding.isEmpty && scope.firstParentOnly
  }

  /// The next commit that changed the budgets folder, or nil at the end of history.
  ///
  /// Throws `GitError.shallowHistoryMissing` when a parent lies beyond a shallow clone's cut.
  public func next() throws(GitError) -> HistoryStep? {
    while true {
      let step: HistoryStep?
      let more: Bool
      (step, more) = isChain ? try nextInChain() : try nextInWalk()
      if let step { return step }
      if !more { return nil }
    }
  }

  /// One commit of the default walk: the step if it changed the budgets, and whether to go on.
  private func nextInChain() throws(GitError) -> (HistoryStep?, Bool) {
    if !chainStarted {
      chainStarted = true
      let head = try reader.links(of: scope.heads[0])
      chainNext = (head, try budgetsTree(of: head))
    }
    guard let (links, budgets) = chainNext else { return (nil, false) }
    visited += 1
    guard let parentId = links.parentIds.first else {
      chainNext = nil
      let step =
        budgets == nil
        ? nil : HistoryStep(commit: links, parent: nil, oldTree: nil, newTree: budgets)
      return (step, false)
    }
    let parent = try reader.links(of: parentId)
    let parentBudgets = try budgetsTree(of: parent)
    chainNext = (parent, parentBudgets)
    guard parentBudgets != budgets else { return (nil, true) }
    return (
      HistoryStep(commit: links, parent: parent, oldTree: parentBudgets, newTree: budgets), true
    )
  }

  /// One commit of a libgit2 walk.
  private func nextInWalk() throws(GitError) -> (HistoryStep?, Bool) {
    guard let id = try revWalk?.next() else { return (nil, false) }
    visited += 1
    let links = try reader.links(of: id)
    let budgets = try budgetsTree(of: links)
    var parents: [(CommitLinks, Oid?)] = []
    for parentId in links.parentIds {
      let parent = try reader.links(of: parentId)
      parents.append((parent, try budgetsTree(of: parent)))
      if scope.firstParentOnly { break }
    }
    guard let first = parents.first else {
      return (
        budgets == nil
          ? nil : HistoryStep(commit: links, parent: nil, oldTree: nil, newTree: budgets), true
      )
    }
    if parents.contains(where: { $0.1 == budgets }) { return (nil, true) }
    var step = HistoryStep(commit: links, parent: first.0, oldTree: first.1, newTree: budgets)
    step.otherParentTrees = parents.dropFirst().map(\.1)
    return (step, true)
  }

  /// The budgets folder of a commit; consecutive commits often share a root tree.
  private func budgetsTree(of links: CommitLinks) throws(GitError) -> Oid? {
    if let lastRoot, lastRoot.tree == links.treeId { return lastRoot.budgets }
    let budgets = try reader.treeId(inTree: links.treeId, at: root)
    lastRoot = (links.treeId, budgets)
    return budgets
  }
}
