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
    "\(change.old ?? "—") → \(change.new ?? "—")"
  }

  /// `EXC-1 created`: the exception a change concerns and what happened to it; nil for other
  /// changes.
  static func exception(_ change: BudgetChange) -> String? {
    guard let id = change.exception else { return nil }
    return [id.rawValue, change.action?.rawValue].compactMap { $0 }.joined(separator: " ")
  }

  /// The environment as every format writes it: `production` for a budget's base metrics, nil
  /// for a change that concerns no budget.
  static func environment(_ change: BudgetChange) -> String? {
    change.budget == nil ? change.environment?.rawValue : change.environmentName.rawValue
  }

  /// The word for the change: the exception action for exceptions, else the kind.
  static func word(_ change: BudgetChange) -> String {
    change.action?.rawValue ?? change.kind.rawValue
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

  /// A summary such as `2 loosenings, 1 tightening, 3 added`; kinds with no changes are left out.
  static func summary(_ changes: [BudgetChange]) -> String {
    let counts = Dictionary(grouping: changes, by: \.kind).mapValues(\.count)
    let parts: [String] = ChangeKind.allCases.sorted { rank($0) < rank($1) }.compactMap { kind in
      guard let count = counts[kind] else { return nil }
      switch kind {
      case .loosen: return count == 1 ? "1 loosening" : "\(count) loosenings"
      case .tighten: return count == 1 ? "1 tightening" : "\(count) tightenings"
      default: return "\(count) \(kind.rawValue)"
      }
    }
    return parts.isEmpty ? "no changes" : parts.joined(separator: ", ")
  }
}
