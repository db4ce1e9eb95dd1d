import GitKit

/// What the pre-commit hook concluded about the commit being made (whether it loosens a
/// budget), for one HEAD and one index, left in the git directory for the commit-msg hook.
///
/// The verdict depends on nothing but HEAD's tree and the index, so when HEAD and the checksum
/// that ends the index file still match, commit-msg can trust it without starting bursar: a
/// commit that loosens nothing needs no `Budget-Rationale:`. Anything else (no file, another
/// HEAD or index, an index without a checksum) and commit-msg asks bursar.
public struct CommitVerdict: Sendable, Equatable {
  public var head: Oid
  public var index: Oid
  public var loosens: Bool

  public init(head: Oid, index: Oid, loosens: Bool) {
    self.head = head
    self.index = index
    self.loosens = loosens
  }

  /// The verdict of a staged review, when it can be keyed: HEAD is born and the index file
  /// ends with a real checksum.
  init?(head: Oid?, index: Oid?, loosens: Bool) {
    guard let head, let index, index.hex.contains(where: { $0 != "0" }) else { return nil }
    self.init(head: head, index: index, loosens: loosens)
  }

  /// The file's one line: `HEAD-ID INDEX-CHECKSUM holds|loosens`.
  public var line: String { "\(head.hex) \(index.hex) \(loosens ? "loosens" : "holds")" }

  /// Where a work tree keeps it: its own git directory, as HEAD and the index are its own.
  public static func path(in repository: Repository) -> String {
    repository.gitDirectory + "/bursar/commit-verdict"
  }

  @discardableResult
  public func write(in repository: Repository) -> Bool {
    PrivateFile.write(line + "\n", to: Self.path(in: repository))
  }
}
