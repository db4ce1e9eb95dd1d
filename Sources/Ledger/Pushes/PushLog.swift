import Foundation
import GitKit

/// The server's record of accepted pushes, kept as git notes under `PushRecord.notesRef` so it
/// travels with the repository to every clone that fetches it.
public struct PushLog {
  public let repository: Repository

  public init(repository: Repository) {
    self.repository = repository
  }

  /// Adds a record to the note on its new tip; a concurrent writer's records are kept.
  public func record(_ push: PushRecord) throws(LedgerError) {
    let signature = Signature(
      name: repository.config("user.name") ?? "bursar",
      email: repository.config("user.email") ?? "bursar@localhost", time: push.time,
      offsetMinutes: 0)
    do {
      try repository.appendNote(
        push.text, on: push.new, notesRef: PushRecord.notesRef, signature: signature)
    } catch {
      throw .git(error)
    }
  }

  /// Every record, by the tip it landed; empty when the notes ref is absent (not fetched).
  public func records() throws(LedgerError) -> [Oid: [PushRecord]] {
    var found: [Oid: [PushRecord]] = [:]
    do {
      for object in try repository.annotatedObjects(notesRef: PushRecord.notesRef) {
        guard let text = try repository.note(on: object, notesRef: PushRecord.notesRef) else {
          continue
        }
        let records = PushRecord.records(inNote: text).filter { $0.new == object }
        if !records.isEmpty { found[object] = records }
      }
    } catch {
      throw .git(error)
    }
    return found
  }
}
