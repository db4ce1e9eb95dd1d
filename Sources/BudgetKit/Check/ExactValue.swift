import Foundation

/// A quantity's base value for comparing measured figures with limits, rounded to twenty
/// decimal places.
///
/// Units such as `/min` have factors no decimal holds exactly (1/60), so `90000/min` comes to
/// 1499.99…9/s; rounded, it is the 1500/s a person means, and equal to a `1500/s` floor.
enum ExactValue {
  static func base(_ quantity: Quantity) -> Decimal {
    var value = quantity.baseValue
    var rounded = Decimal()
    NSDecimalRound(&rounded, &value, 20, .plain)
    return rounded
  }

  static func double(_ quantity: Quantity) -> Double {
    NSDecimalNumber(decimal: base(quantity)).doubleValue
  }
}
