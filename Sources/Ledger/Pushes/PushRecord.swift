import Foundation
import GitKit

/// One accepted update of a protected ref, as the server's post-receive hook records it in a
/// note on the new tip: the ref, the tip the push was judged against, the new tip and the time.
///
/// The note's text is one paragraph per record (a tip pushed to two refs carries two):
///
/// ```
/// bursar-push: 1
/// ref: refs/heads/main
/// old: 3f0c…  (40 hex digits, or `none` for a new ref)
/// new: 9a1b…
/// time: 2026-12-01T21:04:05Z
/// ```
public struct PushRecord: Sendable, Hashable {
  /// The notes ref the records live under.
  public static let notesRef = "refs/notes/bursar/pushes"

  public var ref: String
  /// The ref's tip before the push; nil when the push created the ref.
  public var old: Oid?
  public var new: Oid
  public var time: Date

  public init(ref: String, old: Oid?, new: Oid, time: Date) {
    self.ref = ref
    self.old = old
    self.new = new
    self.time = time
  }

  /// The record's paragraph, ending in a newline.
  public var text: String {
    let stamp = ISO8601DateFormatter().string(from: time)
    return """
      bursar-push: 1
      ref: \(ref)
      old: \(old?.hex ?? "none")
      new: \(new.hex)
      time: \(stamp)

      """
  }

  /// The records of a note's text; paragraphs that are not records are passed over.
  public static func records(inNote text: String) -> [PushRecord] {
    let paragraphs = text.components(separatedBy: "\n\n")
    return paragraphs.compactMap(record)
  }

  private static func record(_ paragraph: String) -> PushRecord? {
    var fields: [String: String] = [:]
    for line in paragraph.split(separator: "\n") {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let key = line[..<colon].trimmingCharacters(in: .whitespaces)
      fields[key] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    guard fields["bursar-push"] == "1", let ref = fields["ref"], ref.hasPrefix("refs/"),
      let new = fields["new"].flatMap(Oid.init(hex:)),
      let time = fields["time"].flatMap(ISO8601DateFormatter().date(from:))
    else { return nil }
    let old = fields["old"].flatMap(Oid.init(hex:))
    return PushRecord(ref: ref, old: old, new: new, time: time)
  }
}
