/// Whether an approval still binds to the file it names, on the side of a diff it is on.
public enum ApprovalState: String, Sendable, CaseIterable, Hashable, Codable {
  /// Its digest is the meaning digest of the file there: it approves what is there.
  case valid
  /// The file's meaning changed since it was approved (or the file is gone): it approves
  /// nothing there until it is signed again.
  case stale
}
