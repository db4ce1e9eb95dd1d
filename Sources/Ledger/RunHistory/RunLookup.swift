import GitKit

/// Where the history commands find recorded runs: those of one commit.
public protocol RunLookup {
  /// Whether any run is recorded at all; a walk over history is pointless without.
  var isEmpty: Bool { get }
  /// Whether a commit has recorded runs, answered without reading them.
  func hasRuns(at commit: Oid) -> Bool
  /// The runs recorded against a commit, oldest first.
  func runs(at commit: Oid) throws(LedgerError) -> [RunPoint]
}
