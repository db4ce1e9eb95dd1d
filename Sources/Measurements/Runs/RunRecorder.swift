import Foundation

/// Who recorded a run: a name and an e-mail, as git's `user.name` and `user.email` give them or
/// as `Name <email>` was written.
public struct RunRecorder: Sendable, Equatable, CustomStringConvertible {
  public var name: String
  public var email: String

  public init(name: String, email: String) {
    self.name = name
    self.email = email
  }

  /// `Name <email>` read from text; nil unless it has a name, then an e-mail in angle brackets.
  public init?(parsing text: String) {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") else { return nil }
    let name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
    let email = String(
      trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
    guard !name.isEmpty, !email.isEmpty, !email.contains("<"), !email.contains(">"),
      !name.contains("<"), !name.contains(">")
    else { return nil }
    self.init(name: name, email: email)
  }

  public var description: String { "\(name) <\(email)>" }
}
