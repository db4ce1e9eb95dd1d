import GitKit

/// Where the history commands find recorded runs: those of one commit.
public protocol RunLookup {
  /// Whether any run is recorded at all; a walk over history is pointless without.
  var isEmpty: Bool { get }
  /// Whether a commit has recorded runs, answered without reading them.
  func hasRuns(at commit: Oid) -> Bool
  /// The runs recorded against a commit, oldest first.
  func runs(at commit: Oid) throws(LedgerError) -> [RunPoint]
  /// Takes in, after its own, what another lookup over the same runs could not read: one that
  /// read a later part of the same walk on another thread.
  func absorbSkips(of other: any RunLookup)
}

extension RunLookup {
  public func absorbSkips(of other: any RunLookup) {}
}
