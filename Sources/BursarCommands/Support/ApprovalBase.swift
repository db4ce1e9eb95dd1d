import GitKit
import Ledger

/// The revision `bursar approve` compares the work tree with, and how it was found.
struct ApprovalBase {
  var commit: Oid
  /// The name used in messages: `main`, or `the merge base of HEAD and origin/main`.
  var name: String
  /// One line for the output: which base, and why.
  var explanation: String

  /// `--base` when given; else where HEAD leaves the default branch (`DefaultBranch`); else
  /// HEAD itself, when there is no default branch to leave.
  static func resolve(_ given: String?, in repo: Repository) throws -> ApprovalBase {
    if let given {
      do {
        let commit = try repo.resolveCommit(given)
        return ApprovalBase(
          commit: commit, name: given, explanation: "\(given) (\(commit.hex.prefix(7))), as given")
      } catch {
        throw CommandFailure(error)
      }
    }
    guard !repo.isHeadUnborn, let head = try? repo.resolveCommit("HEAD") else {
      throw CommandFailure(
        "HEAD has no commit yet, so there is no base to approve from; give --base")
    }
    guard let branch = DefaultBranch.find(in: repo) else {
      return ApprovalBase(
        commit: head, name: "HEAD",
        explanation:
          "HEAD (\(head.hex.prefix(7))): no default branch found (origin/HEAD, init.defaultBranch, main, master); give --base to choose"
      )
    }
    let mergeBase: Oid?
    do { mergeBase = try repo.mergeBase(head, branch.commit) } catch { throw CommandFailure(error) }
    guard let mergeBase else {
      throw CommandFailure(
        "HEAD shares no history with the default branch \(branch.name); give --base")
    }
    let short = mergeBase.hex.prefix(7)
    if mergeBase == head {
      return ApprovalBase(
        commit: head, name: "HEAD",
        explanation:
          "HEAD (\(short)), which is on the default branch \(branch.name): the change is what the work tree holds beyond it"
      )
    }
    return ApprovalBase(
      commit: mergeBase, name: "the merge base of HEAD and \(branch.name) (\(short))",
      explanation:
        "\(short), where HEAD leaves the default branch \(branch.name) (git merge-base HEAD \(branch.name)); give --base to choose another"
    )
  }
}
