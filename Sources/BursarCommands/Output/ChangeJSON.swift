import BudgetKit

/// One change as the JSON contract writes it: every key present, null where there is no value.
struct ChangeJSON: Encodable {
  var change: BudgetChange

  private enum Keys: String, CodingKey {
    case category, kind, budget, environment, metric, field, old, new, path, exception, action, note
    case expires
    case relativeChange = "relative_change"
    case budgetValue = "budget_value"
    case approvalState = "approval_state"
  }

  func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: Keys.self)
    try container.encode(change.category.rawValue, forKey: .category)
    try container.encode(change.kind.rawValue, forKey: .kind)
    try container.encode(change.budget?.rawValue, forKey: .budget)
    try container.encode(ChangeText.environment(change), forKey: .environment)
    try container.encode(change.metric?.rawValue, forKey: .metric)
    try container.encode(change.field.name, forKey: .field)
    try container.encode(change.oldText, forKey: .old)
    try container.encode(change.newText, forKey: .new)
    try container.encode(change.path, forKey: .path)
    try container.encode(change.relativeChange.flatMap(Self.number), forKey: .relativeChange)
    try container.encode(change.exception?.rawValue, forKey: .exception)
    try container.encode(change.action?.rawValue, forKey: .action)
    try container.encode(change.note, forKey: .note)
    try container.encode(change.expires, forKey: .expires)
    try container.encode(change.budgetValue, forKey: .budgetValue)
    try container.encode(change.approvalState?.rawValue, forKey: .approvalState)
  }

  /// Twelve decimals: enough for any budget, and free of binary noise such as
  /// 0.30000000000000004.
  static func rounded(_ value: Double) -> Double {
    (value * 1e12).rounded() / 1e12
  }

  /// A relative change as JSON writes it: rounded, as an exact decimal.
  static func number(_ value: Double) -> JSONOutput.Number? {
    JSONOutput.Number(rounded(value))
  }
}

/// The document `diff --format json` prints.
struct DiffJSON: Encodable {
  var from: String
  var to: String
  var changes: [ChangeJSON]

  init(_ report: DiffReport) {
    from = report.from
    to = report.to
    changes = report.changes.map { ChangeJSON(change: $0) }
  }
}
