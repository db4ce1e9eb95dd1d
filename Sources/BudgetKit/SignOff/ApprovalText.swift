/// Writes Approval records as YAML text, first without and then with their signature.
public enum ApprovalText {
  /// The record without its signature, as `bursar approve` signs it.
  public static func unsigned(
    by member: MemberName, files: [(path: String, digest: String)], note: String?
  )
    -> String
  {
    var lines = ["version: 1", "kind: Approval", "by: \(member.rawValue)", "approves:"]
    for file in files {
      lines.append("  - path: \(quoted(file.path))")
      lines.append("    digest: \(quoted(file.digest))")
    }
    if let note, !note.isEmpty { lines.append("note: \(quoted(note))") }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The record with an armored signature appended as a literal block.
  public static func signed(_ unsigned: String, signature: String) -> String {
    let body = signature.split(separator: "\n", omittingEmptySubsequences: true)
      .map { "  " + $0 }.joined(separator: "\n")
    return unsigned + "signature: |\n" + body + "\n"
  }

  /// A YAML double-quoted scalar; its escapes are a subset of JSON's.
  static func quoted(_ text: String) -> String {
    MeaningDigest.jsonString(text)
  }
}
