import Foundation

/// A threshold or a measured value: a non-negative number with a unit.
///
/// Quantities compare by value in their family's base unit, so `150ms < 0.2s`. The text as written
/// is kept for output.
public struct Quantity: Hashable, Sendable, CustomStringConvertible {
  /// The number as written, in `unit`.
  public var magnitude: Decimal
  public var unit: QuantityUnit
  /// The quantity as the user wrote it.
  public var text: String

  public init(magnitude: Decimal, unit: QuantityUnit, text: String) {
    self.magnitude = magnitude
    self.unit = unit
    self.text = text
  }

  public var family: UnitFamily { unit.family }

  /// The value in the family's base unit (seconds, fraction, bytes, …), exact.
  public var baseValue: Decimal { magnitude * unit.factor }

  /// The value in the base unit as a floating-point number, for arithmetic on measurements.
  public var doubleValue: Double { NSDecimalNumber(decimal: baseValue).doubleValue }

  public var description: String { text }

  /// Compares two quantities of compatible families; nil when they cannot be compared.
  public func compare(to other: Quantity) -> ComparisonResult? {
    guard family.unified(with: other.family) != nil else { return nil }
    let (left, right) = (baseValue, other.baseValue)
    if left < right { return .orderedAscending }
    if left > right { return .orderedDescending }
    return .orderedSame
  }

  /// The relative change from `self` to `other`, as a fraction (0.3 for +30%); nil when either
  /// cannot be compared or `self` is zero.
  public func relativeChange(to other: Quantity) -> Double? {
    guard family.unified(with: other.family) != nil, baseValue != 0 else { return nil }
    let change = (other.baseValue - baseValue) / baseValue
    return NSDecimalNumber(decimal: change).doubleValue
  }

  /// A canonical text for the value, unit-independent within a family, used by digests:
  /// `duration:0.1`, `ratio:0.95`, `money:USD:0.4`.
  public var canonicalText: String {
    let family: String
    switch unit.family {
    case .money(let currency): family = "money:\(currency)"
    case .number: family = "number"
    default: family = self.family.description
    }
    return "\(family):\(Self.canonicalNumber(baseValue))"
  }

  static func canonicalNumber(_ value: Decimal) -> String {
    var value = value
    var rounded = Decimal()
    NSDecimalRound(&rounded, &value, 18, .plain)
    return "\(rounded)"
  }
}
