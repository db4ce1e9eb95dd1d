import BudgetKit

/// Why `approve` cannot write a record that would count; the command line words each case.
public enum ApprovalDraftError: Error, Sendable {
  /// The repository is bare, so there is no work tree to approve.
  case bareRepository
  /// HEAD has no commit yet and no base was given.
  case headUnborn
  /// HEAD shares no history with the default branch (named).
  case noSharedHistory(branch: String)
  /// The base (named) has no Owners file.
  case noOwners(base: String)
  /// The member is in no team of the base's owners.
  case notAMember(MemberName, base: String)
  /// The member has no keys in the base's owners.
  case noKeys(MemberName, base: String)
  /// No budget file differs between the base (named) and the work tree.
  case nothingChanged(base: String)
  /// The record written could not be read back (a bug).
  case unreadableRecord
  /// The record was signed with a key (by fingerprint) the base does not list for the member.
  case keyNotListed(MemberName, fingerprint: String, base: String)
  /// The signature does not verify.
  case signatureDoesNotVerify(ApprovalProblem)
  /// The trees or the history could not be read.
  case ledger(LedgerError)
}
