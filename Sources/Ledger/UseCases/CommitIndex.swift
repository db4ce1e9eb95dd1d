/// Which index the commit being made records, which decides how to make it again.
public enum CommitIndex: Sendable, Equatable {
  /// The repository's own index: what was staged (`git commit`).
  case own
  /// A temporary index of the staged changes and every change to tracked files (`git commit -a`).
  case all
  /// A temporary index of only the paths named on the command line (`git commit PATH…`).
  case paths
}
