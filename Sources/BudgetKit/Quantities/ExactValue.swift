import Foundation

/// Exact decimals for comparing measured figures with limits, and their nearest doubles.
public enum ExactValue {
  /// A quantity's base value rounded to twenty decimal places.
  ///
  /// Units such as `/min` have factors no decimal holds exactly (1/60), so `90000/min` comes to
  /// 1499.99…9/s; rounded, it is the 1500/s a person means, and equal to a `1500/s` floor.
  public static func base(_ quantity: Quantity) -> Decimal {
    var value = quantity.baseValue
    var rounded = Decimal()
    NSDecimalRound(&rounded, &value, 20, .plain)
    return rounded
  }

  public static func double(_ quantity: Quantity) -> Double {
    double(base(quantity))
  }

  /// The double nearest to a decimal. `NSDecimalNumber.doubleValue` can miss it by an ulp
  /// (0.112 became 0.11199999999999999); the standard library's parser of the decimal's text
  /// rounds correctly.
  public static func double(_ value: Decimal) -> Double {
    Double(value.description) ?? NSDecimalNumber(decimal: value).doubleValue
  }
}
