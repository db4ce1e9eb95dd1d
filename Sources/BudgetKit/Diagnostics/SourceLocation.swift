/// A place in a file under `.budgets/`, as a person would look for it.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The path relative to the repository root, for example `.budgets/models/a.yaml`.
  public var path: String
  /// The line, counted from 1.
  public var line: Int
  /// The column, counted from 1 in Unicode scalars.
  public var column: Int

  public init(path: String, line: Int, column: Int) {
    self.path = path
    self.line = line
    self.column = column
  }

  /// The start of a file, for problems that belong to the file as a whole.
  public static func start(of path: String) -> SourceLocation {
    SourceLocation(path: path, line: 1, column: 1)
  }

  public var description: String { "\(path):\(line):\(column)" }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
  }
}

/// A value together with where it was written.
public struct Located<Value: Sendable>: Sendable {
  public var value: Value
  public var location: SourceLocation

  public init(_ value: Value, at location: SourceLocation) {
    self.value = value
    self.location = location
  }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
