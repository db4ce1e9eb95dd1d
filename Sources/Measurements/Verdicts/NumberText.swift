import BudgetKit
import Foundation

/// Writes measured numbers for people: at most six significant digits, never an exponent,
/// no trailing zeros (`112.346`, `0.0125`, `1073741824`).
public enum NumberText {
  public static func format(_ value: Double, significantDigits: Int = 6) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-∞" : "∞") }
    if value == 0 { return "0" }
    let integerDigits = Int(log10(abs(value)).rounded(.down)) + 1
    let decimals = min(max(significantDigits - integerDigits, 0), 15)
    var text = String(format: "%.\(decimals)f", value)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text == "-0" ? "0" : text
  }

  /// A fraction as a percentage: `0.12` → `12%`, `-0.035` → `-3.5%`.
  public static func percent(_ fraction: Double, significantDigits: Int = 4) -> String {
    format(fraction * 100, significantDigits: significantDigits) + "%"
  }
}
