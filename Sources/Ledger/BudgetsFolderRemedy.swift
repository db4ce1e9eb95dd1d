import Foundation
import GitKit

/// What to suggest when `.budgets/` is missing where it was looked for, from where else the
/// repository has one: a starter folder only when it has none at all. The command line puts
/// each remedy into words.
public enum BudgetsFolderRemedy: Sendable, Equatable {
  /// No folder anywhere: write a starter one.
  case initialise
  /// The work tree has the folder and the index does not: `git add .budgets`.
  case stage
  /// The index has the folder and HEAD does not: `git commit`.
  case commit
  /// The folder is elsewhere (HEAD has one, a revision before it had none): nothing to do.
  case elsewhere(BudgetSource)

  /// The remedy for a folder missing from `source`, found by looking at the work tree, the
  /// index and HEAD.
  public init(
    missingFrom source: BudgetSource, in repository: Repository, root: String = ".budgets"
  ) {
    let inWorkTree = Self.workTreeHasFolder(repository, root)
    let inIndex = (try? repository.indexFiles(under: root))?.entries.isEmpty == false
    // HEAD, when its commit has the folder.
    let head = (try? repository.resolveCommit("HEAD")).flatMap { id -> BudgetSource? in
      guard let folder = try? BudgetFolder.of(commit: id, root: root, in: repository) else {
        return nil
      }
      if case .missing = folder { return nil }
      return .commit(ResolvedRevision(text: "HEAD", commit: id))
    }
    switch source {
    case .workTree:
      self = inIndex ? .elsewhere(.index) : head.map { .elsewhere($0) } ?? .initialise
    case .index:
      self = inWorkTree ? .stage : head.map { .elsewhere($0) } ?? .initialise
    case .commit:
      self =
        head.map { .elsewhere($0) } ?? (inIndex ? .commit : inWorkTree ? .stage : .initialise)
    }
  }

  private static func workTreeHasFolder(_ repository: Repository, _ root: String) -> Bool {
    guard let workTree = repository.workingDirectory else { return false }
    var isFolder: ObjCBool = false
    return FileManager.default.fileExists(atPath: "\(workTree)/\(root)", isDirectory: &isFolder)
      && isFolder.boolValue
  }
}
