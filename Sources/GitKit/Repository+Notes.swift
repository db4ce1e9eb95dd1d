import CGit2
import Foundation

/// Git notes: text attached to an object under a notes ref such as `refs/notes/commits`.
extension Repository {
  /// The note on `object` under `notesRef`; nil when the ref or the note does not exist.
  public func note(on object: Oid, notesRef: String) throws(GitError) -> String? {
    var note: OpaquePointer?
    var raw = object.raw
    let code = git_note_read(&note, handle, notesRef, &raw)
    if code == GIT_ENOTFOUND.rawValue { return nil }
    try LibGit2.check(code, "git_note_read")
    defer { git_note_free(note) }
    return git_note_message(note).map { String(cString: $0) }
  }

  /// The objects that carry a note under `notesRef`; empty when the ref does not exist.
  public func annotatedObjects(notesRef: String) throws(GitError) -> Set<Oid> {
    var iterator: OpaquePointer?
    let code = git_note_iterator_new(&iterator, handle, notesRef)
    if code == GIT_ENOTFOUND.rawValue { return [] }
    try LibGit2.check(code, "git_note_iterator_new")
    defer { git_note_iterator_free(iterator) }
    var objects = Set<Oid>()
    var blob = git_oid()
    var annotated = git_oid()
    while true {
      let next = git_note_next(&blob, &annotated, iterator)
      if next == GIT_ITEROVER.rawValue { break }
      try LibGit2.check(next, "git_note_next")
      objects.insert(Oid(annotated))
    }
    return objects
  }

  /// Adds `text` to the end of the note on `object` under `notesRef` (a note is created when
  /// there is none), as a new commit of the notes ref by `signature`.
  ///
  /// The ref moves only from the notes commit the text was added to, so a writer that raced
  /// this one is never overwritten: the append is tried again on top of what it wrote, up to
  /// `attempts` times.
  public func appendNote(
    _ text: String, on object: Oid, notesRef: String, signature: Signature, attempts: Int = 20
  ) throws(GitError) {
    var attempt = 0
    while true {
      attempt += 1
      do {
        try appendNoteOnce(text, on: object, notesRef: notesRef, signature: signature)
        return
      } catch let error {
        guard attempt < attempts, Self.isRace(error) else { throw error }
        usleep(UInt32.random(in: 1_000...20_000))
      }
    }
  }

  private static func isRace(_ error: GitError) -> Bool {
    guard case .libgit2(let failure) = error else { return false }
    return [GIT_EMODIFIED.rawValue, GIT_EEXISTS.rawValue, GIT_ELOCKED.rawValue].contains(
      failure.code)
  }

  private func appendNoteOnce(
    _ text: String, on object: Oid, notesRef: String, signature: Signature
  ) throws(GitError) {
    let tip = try referenceTarget(notesRef)
    var parent: OpaquePointer?
    if let tip {
      var raw = tip.raw
      try LibGit2.check(git_commit_lookup(&parent, handle, &raw), "git_commit_lookup")
    }
    defer { if let parent { git_commit_free(parent) } }
    let existing = try note(on: object, inNotesCommit: parent)
    let joined = existing.map { $0.hasSuffix("\n") ? $0 + "\n" + text : $0 + "\n\n" + text } ?? text
    var author: UnsafeMutablePointer<git_signature>?
    try LibGit2.check(
      git_signature_new(
        &author, signature.name, signature.email,
        git_time_t(signature.time.timeIntervalSince1970.rounded(.down)),
        Int32(signature.offsetMinutes)), "git_signature_new")
    defer { git_signature_free(author) }
    var commit = git_oid()
    var blob = git_oid()
    var target = object.raw
    try LibGit2.check(
      git_note_commit_create(
        &commit, &blob, handle, parent, author, author, &target, joined, 1),
      "git_note_commit_create")
    var reference: OpaquePointer?
    let message = "bursar: note on \(object.abbreviated)"
    // The ref moves only from `tip`; a zero id means "only while there is no such ref", which
    // libgit2 checks under the ref's lock (a plain create checks before taking it, so two first
    // writers could both succeed and one note be lost).
    var current = tip?.raw ?? git_oid()
    try LibGit2.check(
      git_reference_create_matching(
        &reference, handle, notesRef, &commit, 1, &current, message),
      "git_reference_create_matching")
    git_reference_free(reference)
  }

  private func note(on object: Oid, inNotesCommit commit: OpaquePointer?) throws(GitError)
    -> String?
  {
    guard let commit else { return nil }
    var note: OpaquePointer?
    var raw = object.raw
    let code = git_note_commit_read(&note, handle, commit, &raw)
    if code == GIT_ENOTFOUND.rawValue { return nil }
    try LibGit2.check(code, "git_note_commit_read")
    defer { git_note_free(note) }
    return git_note_message(note).map { String(cString: $0) }
  }

  /// The object a direct reference points at; nil when there is no such reference.
  func referenceTarget(_ name: String) throws(GitError) -> Oid? {
    var id = git_oid()
    let code = git_reference_name_to_id(&id, handle, name)
    if code == GIT_ENOTFOUND.rawValue { return nil }
    try LibGit2.check(code, "git_reference_name_to_id")
    return Oid(id)
  }
}
