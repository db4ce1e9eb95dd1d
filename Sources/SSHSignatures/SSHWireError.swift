/// A framing problem found while reading SSH wire-format bytes.
///
/// Parsers translate these into their own public error types, because a
/// reader alone cannot tell whether it is looking at a key or a signature.
enum SSHWireError: Error, Sendable, Equatable {
  /// A length or field runs past the end of the input.
  case truncated
  /// Bytes remain after the last expected field.
  case trailingData
  /// A text field is not UTF-8 or contains a NUL byte.
  case invalidText
  /// An mpint has its sign bit set; SSH keys and signatures never use negatives.
  case negativeInteger
}
