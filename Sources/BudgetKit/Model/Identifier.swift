/// A name of one kind of thing (a team, a budget, a metric…), so that names of different kinds
/// cannot be mixed up.
public struct Identifier<Kind: IdentifierKind>: Hashable, Comparable, Sendable,
  CustomStringConvertible,
  ExpressibleByStringLiteral
{
  public let rawValue: String

  public init(_ rawValue: String) {
    self.rawValue = rawValue
  }

  public init(stringLiteral value: String) {
    self.rawValue = value
  }

  public var description: String { rawValue }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What an `Identifier` names, and how such a name may be written.
public protocol IdentifierKind: Sendable {
  /// A word for messages, such as "team".
  static var noun: String { get }
  /// Whether capital letters are allowed (exception ids such as `EXC-2026-011`).
  static var allowsCapitals: Bool { get }
}

extension IdentifierKind {
  public static var allowsCapitals: Bool { false }

  /// Whether a name is well-formed: ASCII letters, digits, `.`, `_` and `-`, starting with a
  /// letter or digit, at most 64 characters. ASCII only, so look-alike Unicode names are refused.
  public static func isValid(_ name: String) -> Bool {
    let scalars = name.unicodeScalars
    guard let first = scalars.first, scalars.count <= 64 else { return false }
    func allowed(_ scalar: Unicode.Scalar, first: Bool) -> Bool {
      if scalar >= "a" && scalar <= "z" || scalar >= "0" && scalar <= "9" { return true }
      if allowsCapitals && scalar >= "A" && scalar <= "Z" { return true }
      return !first && (scalar == "." || scalar == "_" || scalar == "-")
    }
    return allowed(first, first: true)
      && scalars.dropFirst().allSatisfy { allowed($0, first: false) }
  }
}

public enum TeamKind: IdentifierKind { public static let noun = "team" }
public enum MemberKind: IdentifierKind { public static let noun = "member" }
public enum BudgetKind: IdentifierKind { public static let noun = "budget" }
public enum MetricKind: IdentifierKind { public static let noun = "metric" }
public enum DimensionKind: IdentifierKind { public static let noun = "dimension" }
public enum EnvironmentKind: IdentifierKind { public static let noun = "environment" }
public enum ExceptionKind: IdentifierKind {
  public static let noun = "exception id"
  public static let allowsCapitals = true
}

public typealias TeamName = Identifier<TeamKind>
public typealias MemberName = Identifier<MemberKind>
public typealias BudgetName = Identifier<BudgetKind>
public typealias MetricName = Identifier<MetricKind>
public typealias DimensionName = Identifier<DimensionKind>
public typealias EnvironmentName = Identifier<EnvironmentKind>
public typealias ExceptionID = Identifier<ExceptionKind>

extension Identifier where Kind == EnvironmentKind {
  /// The environment the base metrics of a budget describe.
  public static let production: EnvironmentName = "production"
}

/// The attribute a metric is measured per group across (`merchant_type`).
public enum GroupingKind: IdentifierKind { public static let noun = "grouping" }
public typealias GroupingName = Identifier<GroupingKind>
