import Foundation

/// The bytes an approval's SSH signature covers: a domain line, then the meaning-canonical JSON
/// of the Approval document without its `signature` field.
///
/// The canonical JSON is `MeaningDigest.canonicalForm` of the parsed YAML (keys sorted, comments,
/// quoting and layout ignored), so a record survives reformatting, rebases and squash merges,
/// while any edit of `by`, `approves` or `note` breaks the signature. See `docs/governance.md`.
public enum ApprovalMessage {
  /// The `ssh-keygen -Y sign -n` namespace of approvals.
  public static let namespace = "bursar-approval"
  /// Prefixed to the canonical form, so no other bursar text can pass for an approval.
  public static let domain = "bursar-approval-v1\n"

  /// The signed message of a parsed Approval document, or nil when it is not a mapping.
  public static func message(of value: YAMLValue) -> [UInt8]? {
    guard case .mapping(var mapping) = value else { return nil }
    mapping.entries.removeAll { $0.key == "signature" }
    return Array((domain + MeaningDigest.canonicalForm(of: .mapping(mapping))).utf8)
  }

  /// The signed message of an Approval file's bytes, or nil when they do not parse.
  public static func message(bytes: [UInt8], path: String, limits: ReadLimits = .standard)
    -> [UInt8]?
  {
    guard case .success(let value) = StrictYAMLReader(limits: limits).read(bytes, path: path)
    else { return nil }
    return message(of: value)
  }
}
