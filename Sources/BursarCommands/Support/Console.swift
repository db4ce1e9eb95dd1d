import Foundation

/// Writes to standard output and standard error, and decides whether colour is wanted.
public enum Console {
  /// Colour only on a terminal, never with `NO_COLOR` set or `TERM=dumb`.
  public static let usesColor: Bool = {
    let environment = ProcessInfo.processInfo.environment
    if environment["NO_COLOR"].map({ !$0.isEmpty }) == true { return false }
    if environment["TERM"] == "dumb" { return false }
    return isatty(STDOUT_FILENO) == 1
  }()

  public static func output(_ text: String) {
    write(text + (text.hasSuffix("\n") ? "" : "\n"), to: FileHandle.standardOutput)
  }

  /// A piece of a longer output, written as it is (no newline added): a document written in
  /// pieces ends with `output("")`'s newline or its own.
  public static func outputPiece(_ text: String) {
    write(text, to: FileHandle.standardOutput)
  }

  public static func error(_ text: String) {
    write(text + (text.hasSuffix("\n") ? "" : "\n"), to: FileHandle.standardError)
  }

  private static func write(_ text: String, to handle: FileHandle) {
    // A closed pipe (`bursar log | head`) must not crash the process.
    signal(SIGPIPE, SIG_IGN)
    try? handle.write(contentsOf: Data(text.utf8))
  }
}

/// ANSI styling that disappears when colour is off.
public struct Style: Sendable {
  public var enabled: Bool

  public init(enabled: Bool = Console.usesColor) {
    self.enabled = enabled
  }

  public func red(_ text: String) -> String { wrap(text, "31") }
  public func green(_ text: String) -> String { wrap(text, "32") }
  public func yellow(_ text: String) -> String { wrap(text, "33") }
  public func cyan(_ text: String) -> String { wrap(text, "36") }
  public func bold(_ text: String) -> String { wrap(text, "1") }
  public func dim(_ text: String) -> String { wrap(text, "2") }

  private func wrap(_ text: String, _ code: String) -> String {
    enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
