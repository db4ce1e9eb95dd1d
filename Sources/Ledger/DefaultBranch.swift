import GitKit

/// The branch changes land on, as bursar finds it: the target of `refs/remotes/origin/HEAD`
/// when set (a clone sets it), else `init.defaultBranch` when that branch exists, else `main`,
/// else `master`. Commands use it for their default bases and their hints.
public struct DefaultBranch: Sendable, Hashable, CustomStringConvertible {
  /// The name as git accepts it: `origin/main`, `main`.
  public var name: String
  /// The full reference name: `refs/remotes/origin/main`, `refs/heads/main`.
  public var reference: String
  /// The commit it points to.
  public var commit: Oid

  public init(name: String, reference: String, commit: Oid) {
    self.name = name
    self.reference = reference
    self.commit = commit
  }

  public var description: String { name }

  /// The default branch of `repository`; nil when none of the candidates names a commit.
  public static func find(in repository: Repository, remote: String = "origin") -> DefaultBranch? {
    for reference in candidates(in: repository, remote: remote) {
      guard let commit = try? repository.resolveCommit(reference) else { continue }
      return DefaultBranch(name: shortName(reference), reference: reference, commit: commit)
    }
    return nil
  }

  /// The name to put in hints when no branch is found: `init.defaultBranch`, else `main`.
  public static func fallbackName(in repository: Repository) -> String {
    repository.config("init.defaultBranch").flatMap { $0.isEmpty ? nil : $0 } ?? "main"
  }

  /// The references to try, in order.
  static func candidates(in repository: Repository, remote: String) -> [String] {
    var references: [String] = []
    if let target = repository.symbolicTarget(of: "refs/remotes/\(remote)/HEAD") {
      references.append(target)
    }
    if let configured = repository.config("init.defaultBranch"), !configured.isEmpty {
      references.append("refs/heads/" + configured)
    }
    references += ["refs/heads/main", "refs/heads/master"]
    return references.filter(repository.referenceExists)
  }

  private static func shortName(_ reference: String) -> String {
    for prefix in ["refs/heads/", "refs/remotes/"] where reference.hasPrefix(prefix) {
      return String(reference.dropFirst(prefix.count))
    }
    return reference
  }
}
