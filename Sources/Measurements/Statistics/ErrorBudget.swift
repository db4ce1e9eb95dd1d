import BudgetKit
import Foundation

/// The error budget of an `slo` metric: how much of it is spent, and how fast it burns.
///
/// With an objective `slo` (say 99.9%), the budget is the share of events allowed to be bad,
/// `1 - slo` (0.1%). Over a window with a share of good events `sli`:
/// - spent share = `(1 - sli) / (1 - slo)`: 1 means the budget is gone, and the SLO breached;
/// - burn rate = `(bad / total) / (1 - slo)`: 1 spends the budget exactly over the SLO window,
///   14.4 spends a 30-day budget in about two days.
public struct ErrorBudget: Sendable {
  /// The objective as a fraction (0.999).
  public var objective: Double
  /// The SLO window in seconds.
  public var window: Double
  /// The share of good events over the window.
  public var sli: Double
  /// The share of the error budget spent over the window; above 1 when overspent.
  public var spent: Double
  /// The events over the SLO window, when measured as a series.
  public var events: SLIEvents?
  /// The burn rate over each window of the policy, when measured as a series.
  public var burnRates: [BurnRateReading]
  /// The rules whose windows both burn above their factor, on a series that covers enough of
  /// the long window.
  public var firing: [BurnRateRule]
  /// The rules not judged, because the series covers less of their long window than they need.
  public var unjudged: [BurnRateRule]
  /// The loudest firing rule's alert (`ok` when none fires); nil without a series.
  public var alert: BurnAlert?

  /// The share of the error budget left; negative when overspent.
  public var remaining: Double { 1 - spent }

  /// The budget from one SLI figure over the window: no series, so no burn rates.
  ///
  /// Both figures are exact decimals, so `99.995%` against `99.99%` spends exactly half.
  public init(sli: Decimal, objective: Decimal, window: Double) {
    let allowance = 1 - objective
    let spent: Double
    if allowance > 0 {
      spent = Self.double(max(0, 1 - sli) / allowance)
    } else {
      spent = sli >= 1 ? 0 : .infinity
    }
    self.init(
      objective: Self.double(objective), window: window, sli: Self.double(sli), spent: spent)
  }

  /// The budget from a series; nil when the SLO window holds no events at all.
  public init?(series: SLISeries, objective: Decimal, window: Double, policy: BurnRatePolicy) {
    let overWindow = series.events(overLast: window)
    guard let sli = overWindow.ratio else { return nil }
    let allowance = Self.double(1 - objective)
    self.init(
      objective: Self.double(objective), window: window, sli: sli,
      spent: Self.burnRate(overWindow, allowance: allowance))
    events = overWindow
    burnRates = policy.windows.map { window in
      let events = series.events(overLast: ExactValue.double(window))
      return BurnRateReading(
        window: window, rate: Self.burnRate(events, allowance: allowance), events: events)
    }
    let rates = Dictionary(
      burnRates.map { ($0.window.baseValue, $0.rate) }, uniquingKeysWith: { first, _ in first })
    let covered = Dictionary(
      burnRates.map { ($0.window.baseValue, $0.events.covered) },
      uniquingKeysWith: { first, _ in first })
    unjudged = policy.rules.filter { !$0.judges(covered: covered[$0.long.baseValue] ?? 0) }
    firing = policy.rules.filter { rule in
      rule.judges(covered: covered[rule.long.baseValue] ?? 0)
        && Self.exceeds(rates[rule.long.baseValue] ?? 0, rule.factor)
        && Self.exceeds(rates[rule.short.baseValue] ?? 0, rule.factor)
    }
    alert = firing.map(\.alert).max() ?? .ok
  }

  private init(objective: Double, window: Double, sli: Double, spent: Double) {
    self.objective = objective
    self.window = window
    self.sli = sli
    self.spent = spent
    self.events = nil
    self.burnRates = []
    self.firing = []
    self.unjudged = []
    self.alert = nil
  }

  /// `(bad / total) / (1 - slo)`, where `1 - slo` is the allowance; a window without events
  /// burns nothing, and with a 100% objective any bad event burns without bound.
  ///
  /// Over the whole SLO window the burn rate is the share of the budget spent.
  public static func burnRate(_ events: SLIEvents, allowance: Double) -> Double {
    guard events.total > 0 else { return 0 }
    let errorRatio = events.bad / events.total
    guard allowance > 0 else { return errorRatio > 0 ? .infinity : 0 }
    return errorRatio / allowance
  }

  /// Whether a burn rate is above a factor; a rate equal to it up to rounding (144 bad events
  /// of 10,000 against 99.9% is 14.4× exactly, whatever binary makes of it) does not fire.
  static func exceeds(_ rate: Double, _ factor: Double) -> Bool {
    rate > factor * (1 + 1e-9)
  }

  private static func double(_ value: Decimal) -> Double {
    ExactValue.double(value)
  }
}

/// The burn rate over one window.
public struct BurnRateReading: Sendable {
  public var window: Quantity
  public var rate: Double
  public var events: SLIEvents

  /// The share of the window the series covers, from 0 to 1.
  public var coverage: Double {
    let seconds = ExactValue.double(window)
    return seconds > 0 ? min(1, events.covered / seconds) : 1
  }
}
