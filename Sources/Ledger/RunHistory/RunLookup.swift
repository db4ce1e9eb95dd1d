import GitKit

/// Where the history commands find recorded runs: those of one commit.
public protocol RunLookup {
  /// Whether any run is recorded at all; a walk over history is pointless without.
  var isEmpty: Bool { get }
  /// How many commits have recorded runs (not all need be in the history walked); nil when
  /// not known without reading them.
  var commitCount: Int? { get }
  /// Whether a commit has recorded runs, answered without reading them.
  func hasRuns(at commit: Oid) -> Bool
  /// The runs recorded against a commit, oldest first.
  func runs(at commit: Oid) throws(LedgerError) -> [RunPoint]
  /// Takes in, after its own, what another lookup over the same runs could not read: one that
  /// read a later part of the same walk on another thread.
  func absorbSkips(of other: any RunLookup)
}

extension RunLookup {
  public var commitCount: Int? { nil }
  public func absorbSkips(of other: any RunLookup) {}
}
