import Ledger

extension ApprovalBase {
  /// One line for the output: which base, and why.
  var explanation: String {
    switch how {
    case .given(let revision):
      "\(revision) (\(shortId)), as given"
    case .noDefaultBranch:
      "HEAD (\(shortId)): no default branch found (origin/HEAD, init.defaultBranch, main, master); give --base to choose"
    case .onDefaultBranch(let branch):
      "HEAD (\(shortId)), which is on the default branch \(branch): the change is what the work tree holds beyond it"
    case .mergeBase(let branch):
      "\(shortId), where HEAD leaves the default branch \(branch) (git merge-base HEAD \(branch)); give --base to choose another"
    }
  }
}
