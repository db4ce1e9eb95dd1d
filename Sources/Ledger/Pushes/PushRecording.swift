import Foundation
import GitKit

/// What post-receive does with the accepted updates of protected refs: a `PushRecord` of each,
/// in the note on its new tip.
public struct PushRecording {
  public let repository: Repository

  public init(repository: Repository) {
    self.repository = repository
  }

  /// Records every `OLD NEW REF` line of `input`; deletions and lines that are not updates are
  /// passed over, each of the latter handed to `notAnUpdate` as it is met.
  public func record(
    input: String, now: Date = Date(), notAnUpdate: (Substring) -> Void
  ) throws(LedgerError) {
    for line in input.split(separator: "\n") where !line.isEmpty {
      let fields = line.split(separator: " ").map(String.init)
      guard fields.count == 3, fields[2].hasPrefix("refs/"),
        let new = commit(fields[1]), Oid(hex: fields[0]) != nil || isZero(fields[0])
      else {
        notAnUpdate(line)
        continue
      }
      let old = isZero(fields[0]) ? nil : commit(fields[0])
      try PushLog(repository: repository).record(
        PushRecord(ref: fields[2], old: old, new: new, time: now))
    }
  }

  private func isZero(_ id: String) -> Bool { !id.isEmpty && id.allSatisfy { $0 == "0" } }

  /// The commit an id names, peeling an annotated tag; nil for zeros and anything else.
  private func commit(_ id: String) -> Oid? {
    guard !isZero(id), Oid(hex: id) != nil else { return nil }
    return try? repository.resolveCommit(id)
  }
}
