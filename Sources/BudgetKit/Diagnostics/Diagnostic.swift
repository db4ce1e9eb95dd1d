/// One problem found in the budget files, with the place to fix it.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  /// How much a problem matters.
  public enum Severity: String, Sendable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
      lhs == .warning && rhs == .error
    }
  }

  public var location: SourceLocation
  public var severity: Severity
  public var rule: RuleID
  public var message: String
  /// A suggestion that helps fix the problem, such as the key that was probably meant.
  public var hint: String?
  /// A fix that takes one of bursar's commands, which the command line words as the hint.
  public var remedy: Remedy?

  public init(
    _ rule: RuleID, at location: SourceLocation, _ message: String, hint: String? = nil,
    remedy: Remedy? = nil, severity: Severity = .error
  ) {
    self.rule = rule
    self.location = location
    self.message = message
    self.hint = hint
    self.remedy = remedy
    self.severity = severity
  }

  /// `path:line:col: error[rule]: message (hint)`; a remedy is left to the command line to word.
  public var description: String {
    var text = "\(location): \(severity.rawValue)[\(rule.rawValue)]: \(message)"
    if let hint { text += " (\(hint))" }
    return text
  }
}

extension Array where Element == Diagnostic {
  /// Whether any of these problems is an error (warnings do not block).
  public var hasErrors: Bool { contains { $0.severity == .error } }

  /// The problems in the order a person reads files: by path, line and column.
  public func sortedByLocation() -> [Diagnostic] {
    sorted { ($0.location, $0.rule.rawValue) < ($1.location, $1.rule.rawValue) }
  }
}
