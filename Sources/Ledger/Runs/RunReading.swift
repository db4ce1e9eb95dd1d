import Measurements

/// What reading one stored run gave: the run, or why it was skipped.
public enum RunReading: Sendable {
  case run(StoredRun, RecordedRun)
  case skipped(RunSkip)

  public var run: RecordedRun? {
    guard case .run(_, let run) = self else { return nil }
    return run
  }

  public var skip: RunSkip? {
    guard case .skipped(let skip) = self else { return nil }
    return skip
  }
}
