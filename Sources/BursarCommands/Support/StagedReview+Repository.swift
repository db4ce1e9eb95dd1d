import GitKit
import Ledger

extension StagedReview {
  /// The review every command makes of a repository: its own validation cache, trusted only
  /// when written by this version of bursar.
  init(of repository: Repository) {
    self.init(
      repository: repository, cachePath: StagedReview.cachePath(for: repository),
      version: Bursar.version)
  }
}
