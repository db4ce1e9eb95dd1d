import Ledger

extension RecordRun.Failure {
  /// The failure in the command line's words.
  func sentence(commit: String, remote: String?) -> String {
    switch self {
    case .revision(let error): return "cannot record against --commit \(commit): \(error.sentence)"
    case .noRecorder:
      return
        "cannot record: git has no user.name or user.email here; set them, or give --as \"Name <email>\""
    case .signing(let message): return "cannot record: \(message)"
    case .store(let error): return "cannot record: \(error.sentence(remote: remote))"
    case .unrecordable(let figure):
      let what =
        switch figure.kind {
        case .groups: "values per group"
        case .drift: "drift samples"
        case .gauge: "a gauge's timestamped values"
        }
      return
        "\(figure.location): cannot record: `\(figure.metric)` of budget `\(figure.budget)` holds \(what), which recorded runs do not keep; record the other figures in a file of their own"
    }
  }
}

extension RunStoreError {
  /// The failure in the command line's words.
  func sentence(remote: String?) -> String {
    switch self {
    case .git(let error): return error.description
    case .notARunsCommit(let reference, let error):
      return "\(reference) does not hold recorded runs: \(error)"
    case .conflictingRun(let path, let stored, let recorded):
      return
        "\(path) is already recorded with other bytes (blob \(stored.abbreviated), this run's is \(recorded.abbreviated)); nothing was overwritten"
    case .contended(let reference, let attempts):
      return "\(reference) kept moving under other writers; gave up after \(attempts) attempts"
    case .pushRejected(let remote, let attempts, let reason):
      return
        "the run is recorded here, but pushing to \(remote) was rejected \(attempts) times (\(reason)); run again with --push \(remote)"
    }
  }
}
