import BudgetKit

/// Why a measurements file could not be read: every problem found, each with its place.
public struct MeasurementsError: Error, Sendable, CustomStringConvertible {
  public var problems: [MeasurementsProblem]

  public init(_ problems: [MeasurementsProblem]) {
    self.problems = problems
  }

  public init(_ location: SourceLocation, _ message: String, hint: String? = nil) {
    self.problems = [MeasurementsProblem(location, message, hint: hint)]
  }

  public var description: String {
    problems.map(\.description).joined(separator: "\n")
  }
}

/// One problem in a measurements file: `path:line:column: message (hint)`.
public struct MeasurementsProblem: Sendable, Hashable, CustomStringConvertible {
  public var location: SourceLocation
  public var message: String
  public var hint: String?

  public init(_ location: SourceLocation, _ message: String, hint: String? = nil) {
    self.location = location
    self.message = message
    self.hint = hint
  }

  public var description: String {
    "\(location): \(message)" + (hint.map { " (\($0))" } ?? "")
  }
}
