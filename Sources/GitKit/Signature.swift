import CGit2
import Foundation

/// Who made a commit and when, as recorded in its author or committer line.
public struct Signature: Hashable, Sendable {
  /// The person's name.
  public let name: String
  /// The person's e-mail address, without angle brackets.
  public let email: String
  /// The moment of the signature.
  public let time: Date
  /// The recorded time zone, in minutes east of UTC (-0130 is -90).
  public let offsetMinutes: Int

  /// Creates a signature from its parts.
  public init(name: String, email: String, time: Date, offsetMinutes: Int) {
    self.name = name
    self.email = email
    self.time = time
    self.offsetMinutes = offsetMinutes
  }

  /// Copies a signature that libgit2 lends, decoding its text in the commit's declared
  /// encoding (UTF-8 when nil).
  init(_ signature: UnsafePointer<git_signature>, encoding: String.Encoding? = nil) {
    let value = signature.pointee
    self.init(
      name: value.name.map { TextEncoding.decode($0, encoding) } ?? "",
      email: value.email.map { TextEncoding.decode($0, encoding) } ?? "",
      time: Date(timeIntervalSince1970: TimeInterval(value.when.time)),
      offsetMinutes: Int(value.when.offset))
  }
}
