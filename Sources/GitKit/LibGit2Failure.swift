import CGit2

/// What libgit2 reported about a failed call, with its code, class and message kept apart.
public struct LibGit2Failure: Error, Sendable, Equatable, CustomStringConvertible {
  /// The negative return code, a `git_error_code` such as -3 (`GIT_ENOTFOUND`).
  public let code: Int32
  /// The error class (`git_error_t`, such as 9 for `GIT_ERROR_ODB`), or 0 when libgit2 gave none.
  public let errorClass: Int32
  /// libgit2's message, or nil when it left none (libgit2 1.5 may return no error record).
  public let message: String?
  /// The libgit2 function that failed.
  public let function: String

  /// Creates a failure from its parts.
  public init(code: Int32, errorClass: Int32, message: String?, function: String) {
    self.code = code
    self.errorClass = errorClass
    self.message = message
    self.function = function
  }

  /// Copies the thread's last libgit2 error record, which may be absent.
  init(code: Int32, function: String, error: UnsafePointer<git_error>?) {
    let message = error?.pointee.message.map { String(cString: $0) }
    self.init(
      code: code,
      errorClass: error?.pointee.klass ?? 0,
      message: message,
      function: function)
  }

  /// Whether the failure means that something looked up does not exist.
  var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }

  /// Whether libgit2's message contains `text`.
  func mentions(_ text: String) -> Bool {
    message?.contains(text) ?? false
  }

  /// The first full object id named in the message, if any.
  ///
  /// libgit2 names a missing object only in its message ("no match for id (...)"), and that
  /// id is what a user needs to see when history is cut off by a shallow clone.
  var mentionedOid: Oid? {
    guard let message else { return nil }
    var run = ""
    for character in message + " " {
      if character.isHexDigit && character.isASCII {
        run.append(character)
        continue
      }
      if run.count == Oid.hexLength, let oid = Oid(hex: run) { return oid }
      run = ""
    }
    return nil
  }

  /// A sentence with the function, the message and the numeric code and class.
  public var description: String {
    let text = message.map { $0.hasSuffix(".") ? $0 : $0 + "." } ?? "no message."
    return "\(function) failed: \(text) (libgit2 error \(code), class \(errorClass))"
  }
}
