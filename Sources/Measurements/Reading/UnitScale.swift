import BudgetKit
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

  /// The scale of a unit; those of the named units are worked out once, as reports format
  /// thousands of figures.
  init(_ unit: QuantityUnit) {
    if unit.factor == 1 {
      self.init(multiplier: 1, divisor: nil, factor: 1)
    } else if let known = Self.named[unit.symbol], unit == QuantityUnit.table[unit.symbol] {
      self = known
    } else {
      self.init(computing: unit.factor)
    }
  }

  private init(multiplier: Double?, divisor: Double?, factor: Double) {
    self.multiplier = multiplier
    self.divisor = divisor
    self.factor = factor
  }

  private init(computing factor: Decimal) {
    let inverse = factor == 0 ? Decimal(0) : 1 / factor
    let double = ExactValue.double(factor)
    let multiplier = Self.isWhole(factor) ? double : nil
    let divisor = multiplier == nil && Self.isWhole(inverse) ? ExactValue.double(inverse) : nil
    self.init(multiplier: multiplier, divisor: divisor, factor: double)
  }

  private static let named: [String: UnitScale] = QuantityUnit.table.mapValues {
    UnitScale(computing: $0.factor)
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
