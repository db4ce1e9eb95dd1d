import GitKit
import Ledger

/// Turns `diff`'s arguments into the two points to compare, as git reads them.
struct DiffEndpoints {
  let repository: Repository
  let staged: Bool

  /// The old and new points; a nil old point is the empty tree of a repository with no commits.
  func resolve(_ revisions: [String]) throws -> (TreePoint?, TreePoint) {
    let current: TreePoint = staged ? .index : .workTree
    if repository.isBare && revisions.count < 2 && !(revisions.first?.contains("..") ?? false) {
      throw CommandFailure(
        "this is a bare repository, with no work tree or index to compare; give two revisions (bursar diff A B) or a range (A..B)"
      )
    }
    switch revisions.count {
    case 0:
      // Before the first commit everything in the work tree or index is new.
      return (repository.isHeadUnborn ? nil : try commit("HEAD"), current)
    case 1 where revisions[0].contains(".."):
      return try range(revisions[0])
    case 1:
      return (try commit(revisions[0]), current)
    default:
      return (try commit(revisions[0]), try commit(revisions[1]))
    }
  }

  private func commit(_ revision: String) throws -> TreePoint {
    do {
      return .commit(try repository.resolveCommit(revision), revision: revision)
    } catch {
      throw CommandFailure(error)
    }
  }

  private func range(_ spec: String) throws -> (TreePoint?, TreePoint) {
    let range: RevisionRange
    do { range = try repository.resolveRange(spec) } catch { throw CommandFailure(error) }
    let parts = spec.components(separatedBy: range.mergeBase ? "..." : "..")
    let fromName = parts.first.flatMap { $0.isEmpty ? nil : $0 } ?? "HEAD"
    let toName = parts.last.flatMap { $0.isEmpty ? nil : $0 } ?? "HEAD"
    guard let from = range.from else {
      throw CommandFailure(
        "\(fromName) and \(toName) share no history, so they have no merge base; compare them with `bursar diff \(fromName) \(toName)`"
      )
    }
    let fromLabel = range.mergeBase ? "merge-base(\(fromName), \(toName))" : fromName
    return (.commit(from, revision: fromLabel), .commit(range.to, revision: toName))
  }
}
