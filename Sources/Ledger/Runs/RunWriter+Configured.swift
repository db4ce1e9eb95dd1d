import Foundation
import GitKit

extension RunWriter {
  /// A writer whose commits are by the repository's configured `user.name` and `user.email`
  /// (else `bursar <bursar@localhost>`), at `time`.
  public init(configuredIn repository: Repository, at time: Date) {
    let name = repository.config("user.name") ?? "bursar"
    let email = repository.config("user.email") ?? "bursar@localhost"
    self.init(
      repository: repository,
      committer: Signature(name: name, email: email, time: time, offsetMinutes: 0))
  }

  /// Merges the runs commit a reference names (runs fetched with git) into the runs reference;
  /// nil when there is no such reference.
  public func merge(reference fetched: String) throws(RunStoreError) -> Merge? {
    let target: Oid?
    do { target = try repository.target(ofReference: fetched) } catch { throw .git(error) }
    guard let target else { return nil }
    return try merge(target)
  }
}
