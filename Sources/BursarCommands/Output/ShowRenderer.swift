import BudgetKit
import Foundation

/// `show` for people: each budget with its effective bound per environment and metric, and
/// the exceptions in force.
struct ShowTextRenderer: Renderer {
  var style = Style()

  func render(_ view: EffectiveView) -> String {
    var lines = ["Budgets in \(view.label), exceptions as of \(TimeText.utcISO(view.moment))"]
    if view.budgets.isEmpty { lines.append("No budgets.") }
    for entry in view.budgets {
      let budget = entry.budget
      lines += [
        "",
        style.bold(budget.name.value.rawValue) + "  "
          + style.dim("\(budget.path)  owner \(budget.owner.value)"),
      ]
      var table = TextTable()
      for row in entry.rows {
        var cells = [
          TextTable.Cell(text: row.environment.rawValue), TextTable.Cell(text: row.metric.rawValue),
          TextTable.Cell(text: row.dimension.rawValue),
          TextTable.Cell(
            text: BoundText.describe(row.bound, shape: budget.metrics[row.metric]?.shape)),
        ]
        var notes: [String] = row.overridden ? ["override"] : []
        for exception in row.exceptions {
          let granted =
            exception.metrics.first { $0.name.value == row.metric }.map {
              BoundText.describe($0.bound)
            } ?? ""
          notes.append(
            "exception \(exception.id.value): \(granted) until \(exception.expires.value)")
        }
        cells.append(
          TextTable.Cell(text: notes.joined(separator: "; "), style: { style.yellow($0) }))
        table.append(cells)
      }
      lines += table.lines()
    }
    return lines.joined(separator: "\n")
  }
}

/// `show --format json`.
struct ShowJSON: Encodable {
  struct BudgetJSON: Encodable {
    var name: String
    var path: String
    var owner: String
    var metrics: [MetricJSON]
  }

  struct MetricJSON: Encodable {
    var environment: String
    var metric: String
    var dimension: String
    var max: String?
    var min: String?
    var slo: String?
    var window: String?
    /// The later shapes' fields as written, by their YAML key (`baseline`, `max_drop`,
    /// `across`, `parts`…); absent for a metric of none of them.
    var shape: [String: String]?
    var overridden: Bool
    var exceptions: [String]
  }

  var at: String
  var moment: String
  var budgets: [BudgetJSON]

  static func shape(_ bound: Bound, _ shape: MetricShape?) -> [String: String]? {
    var fields: [String: String] = [:]
    for (key, value) in bound.fields where !BoundKey.original.contains(key) {
      fields[key.rawValue] = value.text
    }
    if let shape {
      for field in MetricShapeField.allCases {
        if let text = field.text(in: shape) { fields[field.rawValue] = text }
      }
    }
    return fields.isEmpty ? nil : fields
  }

  init(_ view: EffectiveView) {
    at = view.label
    moment = TimeText.utcISO(view.moment)
    budgets = view.budgets.map { entry in
      BudgetJSON(
        name: entry.budget.name.value.rawValue, path: entry.budget.path,
        owner: entry.budget.owner.value.rawValue,
        metrics: entry.rows.map { row in
          MetricJSON(
            environment: row.environment.rawValue, metric: row.metric.rawValue,
            dimension: row.dimension.rawValue,
            max: row.bound.max?.text, min: row.bound.min?.text, slo: row.bound.slo?.text,
            window: row.bound.window?.text,
            shape: Self.shape(row.bound, entry.budget.metrics[row.metric]?.shape),
            overridden: row.overridden, exceptions: row.exceptions.map(\.id.value.rawValue))
        })
    }
  }
}
