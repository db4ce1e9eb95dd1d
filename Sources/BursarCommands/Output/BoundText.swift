import BudgetKit

/// A bound as people read it: `max 100ms`, `min 0.95`, `min 1 · max 5`, `slo 99.9% over 30d`,
/// `baseline 0.95 · max_drop 8%`.
enum BoundText {
  static func describe(_ bound: Bound) -> String {
    describe(bound, shape: nil)
  }

  /// The bound and, when given, the metric's shape fields: `across merchant_type`, `parts […]`.
  static func describe(_ bound: Bound, shape: MetricShape?) -> String {
    var parts: [String] = []
    if let min = bound.min { parts.append("min \(min.text)") }
    if let max = bound.max { parts.append("max \(max.text)") }
    if let slo = bound.slo {
      parts.append("slo \(slo.text)" + (bound.window.map { " over \($0.text)" } ?? ""))
    } else if let window = bound.window {
      parts.append("window \(window.text)")
    }
    // The later shapes' fields, as written: `baseline 0.95 · max_drop 8%`.
    for (key, value) in bound.fields where !BoundKey.original.contains(key) {
      parts.append("\(key.rawValue) \(value.text)")
    }
    for field in MetricShapeField.allCases {
      if let shape, let text = field.text(in: shape) { parts.append("\(field.rawValue) \(text)") }
    }
    return parts.joined(separator: " · ")
  }
}
