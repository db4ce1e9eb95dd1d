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
  /// The runs that could not be read since it was last asked, no longer kept: a walk read on
  /// several threads puts them back in history's order (`absorb`).
  func drainSkips() -> [RunSkip]
  /// Keeps, after its own, runs that could not be read.
  func absorb(_ skips: [RunSkip])
}

extension RunLookup {
  public var commitCount: Int? { nil }
  public func drainSkips() -> [RunSkip] { [] }
  public func absorb(_ skips: [RunSkip]) {}
}
