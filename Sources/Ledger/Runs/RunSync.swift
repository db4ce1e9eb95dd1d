import Foundation
import GitKit

/// Shares the runs reference with a remote: fetch the remote's runs into
/// `refs/bursar/remote-runs`, merge them into `refs/bursar/runs` (a tree union), push; a push
/// rejected because another clone pushed first starts again from the fetch.
public struct RunSync {
  /// Where the remote's runs are fetched to.
  public static let fetchedReference = "refs/bursar/remote-runs"

  public var writer: RunWriter
  public var remote: String
  public var attempts = 10
  /// Runs between merging and pushing; tests push from another clone here to force a race.
  var beforePush: ((Int) -> Void)?

  public init(writer: RunWriter, remote: String) {
    self.writer = writer
    self.remote = remote
  }

  /// The refspec that fetches the remote's runs, as docs/ci.md shows it for `git fetch`.
  public static var fetchRefspec: String { "+\(RunStore.reference):\(fetchedReference)" }
  public static var pushRefspec: String { "\(RunStore.reference):\(RunStore.reference)" }

  /// What a sync did: how many pushes it took, and any conflicts merging found.
  public struct Outcome: Sendable, Equatable {
    public var attempts: Int
    public var conflicts: [String]
    /// Whether there was anything to push (no run recorded anywhere means nothing).
    public var pushed: Bool
  }

  /// Fetches, merges and pushes until a push is accepted, at most `attempts` times.
  public func run() throws(RunStoreError) -> Outcome {
    let repository = writer.repository
    var conflicts: [String] = []
    var lastReason = ""
    for attempt in 1...attempts {
      do {
        try repository.fetch(from: remote, refspecs: [Self.fetchRefspec])
        let fetched = try repository.target(ofReference: Self.fetchedReference)
        if let fetched {
          let merge = try writer.merge(fetched)
          for path in merge.conflicts where !conflicts.contains(path) { conflicts.append(path) }
        }
        guard try repository.target(ofReference: RunStore.reference) != nil else {
          return Outcome(attempts: attempt, conflicts: conflicts, pushed: false)
        }
        beforePush?(attempt)
        switch try repository.push(
          RunStore.reference, to: remote, as: RunStore.reference, expecting: fetched)
        {
        case .pushed: return Outcome(attempts: attempt, conflicts: conflicts, pushed: true)
        case .rejected(let reason): lastReason = reason
        }
      } catch let error as RunStoreError {
        throw error
      } catch let error as GitError {
        throw .git(error)
      } catch {
        throw .pushRejected(remote: remote, attempts: attempt, reason: "\(error)")
      }
      usleep(UInt32.random(in: 10_000...(50_000 * UInt32(attempt))))
    }
    throw .pushRejected(remote: remote, attempts: attempts, reason: lastReason)
  }
}
