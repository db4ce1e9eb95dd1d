import Foundation

/// Converts doubles between a unit and its family's base unit with one correctly rounded
/// operation: `12.5ms` becomes `12.5 / 1000` seconds, not `12.5 × 0.001`, whose factor is
/// already inexact in binary.
struct UnitScale: Sendable {
  /// Multiply by this to reach the base unit, when the factor is a whole number.
  private let multiplier: Double?
  /// Divide by this to reach the base unit, when the factor is one over a whole number.
  private let divisor: Double?
  private let factor: Double

  init(_ unit: QuantityUnit) {
    let factor = unit.factor
    let inverse = factor == 0 ? Decimal(0) : 1 / factor
    self.factor = ExactValue.double(factor)
    multiplier = Self.isWhole(factor) ? self.factor : nil
    divisor =
      multiplier == nil && Self.isWhole(inverse)
      ? ExactValue.double(inverse) : nil
  }

  func toBase(_ value: Double) -> Double {
    if let multiplier { return value * multiplier }
    if let divisor { return value / divisor }
    return value * factor
  }

  func fromBase(_ value: Double) -> Double {
    if let multiplier { return value / multiplier }
    if let divisor { return value * divisor }
    return value / factor
  }

  private static func isWhole(_ value: Decimal) -> Bool {
    var value = value
    var rounded = Decimal()
    NSDecimalRound(&rounded, &value, 0, .plain)
    return rounded == value && value > 0
  }
}
