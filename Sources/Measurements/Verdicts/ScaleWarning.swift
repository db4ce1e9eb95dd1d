import BudgetKit

/// A plain-number figure that is probably on another scale than its plain-number bound: a
/// percentage written as a number against a fraction (`96` against `min: 0.96`), or a fraction
/// against a percentage written as a number (`0.97` against `min: 95`).
///
/// Compared as written, such a figure passes or fails for the wrong reason, so the check warns
/// about it in every format and, unless told otherwise, fails.
public struct ScaleWarning: Sendable, Hashable {
  /// What looks wrong, with the figure as it was probably meant.
  public var message: String
  /// The figure as it was probably meant (`96%`, `97`), when there is one.
  public var suggestion: String?

  public init(message: String, suggestion: String?) {
    self.message = message
    self.suggestion = suggestion
  }

  /// The warning for a figure against a bound, if its scale looks wrong.
  ///
  /// Both must be plain numbers: a figure a hundred times a bound of at most 1 (or more), or a
  /// figure between 0 and 1 against a bound above 1 and at most 100.
  public static func detect(_ figure: MeasuredFigure, against bound: Bound) -> ScaleWarning? {
    guard figure.family == .number, figure.value.isFinite else { return nil }
    for key in [BoundKey.min, .max] {
      guard let limit = bound[key], limit.family == .number else { continue }
      let value = ExactValue.double(limit)
      let written = "`\(key.rawValue): \(limit.text)`"
      if value > 0, value <= 1, figure.value > 1, figure.value >= 100 * value {
        let percent = figure.value <= 100 ? "\(figure.text)%" : nil
        let guess = percent.map { ": did you mean `\($0)`?" } ?? ""
        return ScaleWarning(
          message:
            "`\(figure.text)` is a hundred times its bound \(written) or more, as if a percentage were written as a plain number\(guess)",
          suggestion: percent)
      }
      if value > 1, value <= 100, figure.value > 0, figure.value < 1 {
        let percent = NumberText.format(figure.value * 100)
        return ScaleWarning(
          message:
            "`\(figure.text)` is a fraction, but its bound \(written) reads as a percentage written as a plain number: did you mean `\(percent)`?",
          suggestion: percent)
      }
    }
    return nil
  }
}
