import GitKit

/// The revision `approve` compares the work tree with, and how it was found.
public struct ApprovalBase: Sendable {
  public var commit: Oid
  public var how: How

  /// How the base was chosen.
  public enum How: Sendable, Equatable {
    /// The revision the person gave.
    case given(String)
    /// HEAD, since there is no default branch to leave.
    case noDefaultBranch
    /// HEAD, which is on the default branch (named).
    case onDefaultBranch(String)
    /// Where HEAD leaves the default branch (named): their merge base.
    case mergeBase(with: String)
  }

  /// The commit's id in seven hex digits.
  public var shortId: String { String(commit.hex.prefix(7)) }

  /// The name used in messages: `main`, or `the merge base of HEAD and origin/main (1a2b3c4)`.
  public var name: String {
    switch how {
    case .given(let revision): revision
    case .noDefaultBranch, .onDefaultBranch: "HEAD"
    case .mergeBase(let branch): "the merge base of HEAD and \(branch) (\(shortId))"
    }
  }

  /// The revision given when there is one; else where HEAD leaves the default branch
  /// (`DefaultBranch`); else HEAD itself, when there is no default branch to leave.
  public static func resolve(_ given: String?, in repo: Repository) throws(ApprovalDraftError)
    -> ApprovalBase
  {
    if let given {
      do {
        return ApprovalBase(commit: try repo.resolveCommit(given), how: .given(given))
      } catch {
        throw .ledger(.git(error))
      }
    }
    guard !repo.isHeadUnborn, let head = try? repo.resolveCommit("HEAD") else {
      throw .headUnborn
    }
    guard let branch = DefaultBranch.find(in: repo) else {
      return ApprovalBase(commit: head, how: .noDefaultBranch)
    }
    let mergeBase: Oid?
    do { mergeBase = try repo.mergeBase(head, branch.commit) } catch { throw .ledger(.git(error)) }
    guard let mergeBase else { throw .noSharedHistory(branch: branch.name) }
    if mergeBase == head { return ApprovalBase(commit: head, how: .onDefaultBranch(branch.name)) }
    return ApprovalBase(commit: mergeBase, how: .mergeBase(with: branch.name))
  }
}
