import BudgetKit
import Foundation

/// How changes read in every format: the kind's word and colour, percentages, value arrows.
enum ChangeText {
  /// `+30.0%`, `-12.5%`; nil when there is no relative change.
  static func percent(_ fraction: Double?) -> String? {
    guard let fraction, fraction.isFinite else { return nil }
    let sign = fraction > 0 ? "+" : fraction < 0 ? "-" : "±"
    return sign + String(format: "%.1f%%", abs(fraction) * 100)
  }

  /// `100ms → 130ms`, with `—` for a side that has no value.
  static func values(_ change: BudgetChange) -> String {
    "\(change.oldText ?? "—") → \(change.newText ?? "—")"
  }

  /// `EXC-1 created`: the exception a change concerns and what happened to it; nil for other
  /// changes.
  static func exception(_ change: BudgetChange) -> String? {
    guard case .exception(let exception) = change.what else { return nil }
    return "\(exception.id) \(exception.action.rawValue)"
  }

  /// The environment as every format writes it: `production` for a budget's base metrics, nil
  /// for a change that concerns no budget.
  static func environment(_ change: BudgetChange) -> String? {
    change.environment?.rawValue
  }

  /// The note of an approval change (who approves which file), which log listings show before
  /// the rationale; nil for other changes.
  static func approvalNote(_ change: BudgetChange) -> String? {
    switch change.what {
    case .approval: change.note
    case .bound, .owner, .dimension, .shape, .regression, .importFigure, .exception, .owners: nil
    }
  }

  /// The word for the change: the exception action for exceptions, else the kind.
  static func word(_ change: BudgetChange) -> String {
    switch change.what {
    case .exception(let exception): exception.action.rawValue
    case .bound, .owner, .dimension, .shape, .regression, .importFigure, .approval, .owners:
      change.kind.rawValue
    }
  }

  static func colour(_ kind: ChangeKind, _ style: Style) -> (String) -> String {
    switch kind {
    case .loosen, .removed: { style.red($0) }
    case .tighten: { style.green($0) }
    case .added: { style.cyan($0) }
    case .changed: { style.yellow($0) }
    }
  }

  /// Sort rank: loosenings first, as they need the most attention.
  static func rank(_ kind: ChangeKind) -> Int {
    switch kind {
    case .loosen: 0
    case .removed: 1
    case .changed: 2
    case .added: 3
    case .tighten: 4
    }
  }

  /// A summary that counts each part apart, such as `budgets: 2 loosenings, 1 tightening;
  /// exceptions: 1 created; approvals: 2 added (1 stale)`; parts with no changes are left out.
  static func summary(_ changes: [BudgetChange]) -> String {
    var parts: [String] = []
    let budgets = changes.filter { $0.category == .budget }
    if !budgets.isEmpty { parts.append("budgets: " + kinds(budgets)) }
    let exceptions = changes.filter { $0.category == .exception }
    if !exceptions.isEmpty {
      let counts = Dictionary(grouping: exceptions.compactMap(\.action)) { $0 }.mapValues(\.count)
      let actions = ExceptionAction.allCases.compactMap { action in
        counts[action].map { "\($0) \(action.rawValue)" }
      }
      parts.append("exceptions: " + actions.joined(separator: ", "))
    }
    let approvals = changes.filter { $0.category == .approval }
    if !approvals.isEmpty {
      let stale = approvals.filter { $0.approvalState == .stale }.count
      parts.append(
        "approvals: " + kinds(approvals) + (stale > 0 ? " (\(stale) stale)" : ""))
    }
    let governance = changes.filter { $0.category == .governance }
    if !governance.isEmpty { parts.append("governance: " + kinds(governance)) }
    return parts.isEmpty ? "no changes" : parts.joined(separator: "; ")
  }

  /// `2 loosenings, 1 tightening, 3 added`; kinds with no changes are left out.
  static func kinds(_ changes: [BudgetChange]) -> String {
    let counts = Dictionary(grouping: changes, by: \.kind).mapValues(\.count)
    let parts: [String] = ChangeKind.allCases.sorted { rank($0) < rank($1) }.compactMap { kind in
      guard let count = counts[kind] else { return nil }
      switch kind {
      case .loosen: return count == 1 ? "1 loosening" : "\(count) loosenings"
      case .tighten: return count == 1 ? "1 tightening" : "\(count) tightenings"
      default: return "\(count) \(kind.rawValue)"
      }
    }
    return parts.joined(separator: ", ")
  }

  /// An exception change as it reads against the budget: `max: 130ms → 150ms` for a grant
  /// made (the budget's value to the grant), `max: 150ms → 130ms` for one withdrawn, the two
  /// grants with the budget's value for one amended, else `field: old → new`.
  static func exceptionValues(_ change: BudgetChange) -> String {
    let field = "\(change.field.name): "
    guard case .exception(let exception) = change.what, case .grant(let grant) = exception.field,
      let budget = grant.budgetValue?.text
    else { return field + values(change) }
    switch exception.action {
    case .created: return field + "\(budget) → \(grant.new?.text ?? "—")"
    case .withdrawn: return field + "\(grant.old?.text ?? "—") → \(budget)"
    case .extended, .shortened, .amended: return field + values(change) + " (budget \(budget))"
    }
  }

  /// `until 2026-12-08`, for exception changes.
  static func until(_ change: BudgetChange) -> String? {
    guard case .exception(let exception) = change.what else { return nil }
    return "until \(exception.expires)"
  }
}
