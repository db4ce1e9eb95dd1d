/// A field of a metric's shape that is not a quantity (`across`, `method`, `drift`,
/// `reference`, `statistic`, `parts`, `period`) set, dropped or changed on a metric both sides
/// have. Such a change has no one direction: the loosening rule governs it.
public struct ShapeChange: Sendable, Hashable {
  public var budget: BudgetName
  public var metric: MetricName
  public var field: MetricShapeField
  /// The value as written (`merchant_type`, `to_overall`, `[a, b]`); nil where the side has none.
  public var old: String?
  public var new: String?

  public init(
    budget: BudgetName, metric: MetricName, field: MetricShapeField, old: String?, new: String?
  ) {
    self.budget = budget
    self.metric = metric
    self.field = field
    self.old = old
    self.new = new
  }

  /// The shape fields that differ between two metrics, each old and new as written.
  static func changes(from old: MetricShape, to new: MetricShape) -> [(
    MetricShapeField, String?, String?
  )] {
    MetricShapeField.allCases.compactMap { field in
      let (before, after) = (field.text(in: old), field.text(in: new))
      return before == after ? nil : (field, before, after)
    }
  }
}

/// The fields of a metric's shape, as the YAML names them.
public enum MetricShapeField: String, Sendable, Hashable, CaseIterable {
  case across
  case method
  case drift
  case reference
  case statistic
  case parts
  case period
  /// The recorded run or commit a relative bound's baseline is the figure of.
  case baseline

  /// The field's value in a shape as written, nil when unset.
  public func text(in shape: MetricShape) -> String? {
    switch self {
    case .across: shape.across?.value.rawValue
    case .method: shape.method?.value.rawValue
    case .drift: shape.drift?.value.rawValue
    case .reference: shape.reference?.value.description
    case .baseline: shape.baselineSource?.value.description
    case .statistic: shape.statistic?.value.rawValue
    case .parts:
      shape.parts.isEmpty
        ? nil : "[" + shape.partNames.map(\.rawValue).joined(separator: ", ") + "]"
    case .period: shape.period?.value.rawValue
    }
  }
}
