import Foundation
import GitKit
import Ledger

/// What post-receive does with the accepted updates of protected refs: a `PushRecord` of each,
/// in the note on its new tip.
struct PushRecording {
  let repository: Repository

  /// Records every `OLD NEW REF` line of `input`; deletions and lines that are not updates are
  /// passed over, with a word for the latter.
  func record(input: String, now: Date = Date()) throws {
    for line in input.split(separator: "\n") where !line.isEmpty {
      let fields = line.split(separator: " ").map(String.init)
      guard fields.count == 3, fields[2].hasPrefix("refs/"),
        let new = commit(fields[1]), Oid(hex: fields[0]) != nil || isZero(fields[0])
      else {
        Console.error("bursar: post-receive: not recorded, not an update: \(line.prefix(80))")
        continue
      }
      let old = isZero(fields[0]) ? nil : commit(fields[0])
      do {
        try PushLog(repository: repository).record(
          PushRecord(ref: fields[2], old: old, new: new, time: now))
      } catch {
        throw CommandFailure(error)
      }
    }
  }

  private func isZero(_ id: String) -> Bool { !id.isEmpty && id.allSatisfy { $0 == "0" } }

  /// The commit an id names, peeling an annotated tag; nil for zeros and anything else.
  private func commit(_ id: String) -> Oid? {
    guard !isZero(id), Oid(hex: id) != nil else { return nil }
    return try? repository.resolveCommit(id)
  }
}
