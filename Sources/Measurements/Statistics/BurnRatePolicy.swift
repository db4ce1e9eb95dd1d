import BudgetKit
import Foundation

/// The burn-rate alerts an `slo` metric's series is judged by.
public struct BurnRatePolicy: Sendable, Hashable {
  public var rules: [BurnRateRule]

  public init(rules: [BurnRateRule]) {
    self.rules = rules
  }

  /// The SRE workbook's recommendation for a 30-day objective: page when 2% of the budget goes
  /// in an hour (14.4×, confirmed over 5 minutes) or 5% in six hours (6×, over 30 minutes), and
  /// warn when 10% goes in three days (1×, over 6 hours).
  public static let sreWorkbook = BurnRatePolicy(rules: [
    rule("1h", "5m", 14.4, .page),
    rule("6h", "30m", 6, .page),
    rule("3d", "6h", 1, .warn),
  ])

  /// Every window the rules read, shortest first, each once.
  public var windows: [Quantity] {
    var seen: Set<Decimal> = []
    let all = rules.flatMap { [$0.long, $0.short] }.sorted { $0.baseValue < $1.baseValue }
    return all.filter { seen.insert($0.baseValue).inserted }
  }

  private static func rule(_ long: String, _ short: String, _ factor: Double, _ alert: BurnAlert)
    -> BurnRateRule
  {
    guard case .success(let long) = QuantityParser.parse(long),
      case .success(let short) = QuantityParser.parse(short)
    else { preconditionFailure("the built-in burn-rate windows are valid durations") }
    return BurnRateRule(long: long, short: short, factor: factor, alert: alert)
  }
}
