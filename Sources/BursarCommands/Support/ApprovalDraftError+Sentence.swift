import Ledger

extension ApprovalDraftError {
  /// The error in the command line's words, with the option that helps.
  var sentence: String {
    switch self {
    case .bareRepository:
      "this is a bare repository; approve in a clone with a work tree"
    case .headUnborn:
      "HEAD has no commit yet, so there is no base to approve from; give --base"
    case .noSharedHistory(let branch):
      "HEAD shares no history with the default branch \(branch); give --base"
    case .noOwners(let base):
      "\(base) has no Owners file, so nobody's key can be checked"
    case .notAMember(let member, let base):
      "\(member) is not a member of any team in the owners of \(base)"
    case .noKeys(let member, let base):
      "\(member) has no keys in the owners of \(base); add one there first"
    case .nothingChanged(let base):
      "no budget file changed between \(base) and the work tree; nothing to approve (give --base to compare with another revision)"
    case .unreadableRecord:
      "the approval record could not be read back; this is a bug in bursar"
    case .keyNotListed(let member, let fingerprint, let base):
      "the key \(fingerprint) is not \(member)'s in the owners of \(base); sign with a key listed there, or add this key through a reviewed change first"
    case .signatureDoesNotVerify(let problem):
      "the signature does not verify: \(problem)"
    case .ledger(let error):
      error.sentence
    }
  }
}
