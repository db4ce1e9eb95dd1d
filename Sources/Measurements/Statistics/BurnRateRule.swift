import BudgetKit

/// How loudly a burning error budget calls for attention.
public enum BurnAlert: String, Sendable, Hashable, Comparable, CaseIterable {
  /// Nothing to do.
  case ok
  /// Worth a ticket: the budget will be gone before the window ends if this goes on.
  case warn
  /// Worth waking someone: the budget is going fast. A page blocks `bursar check`.
  case page

  private var rank: Int {
    switch self {
    case .ok: 0
    case .warn: 1
    case .page: 2
    }
  }

  public static func < (lhs: BurnAlert, rhs: BurnAlert) -> Bool { lhs.rank < rhs.rank }
}

/// One multiwindow burn-rate alert: it fires when the burn rate over both the long and the
/// short window is above the factor (the SRE workbook's "multiwindow, multi-burn-rate alerts").
///
/// The long window makes the alert significant, the short one makes it reset soon after the
/// burning stops. A rule judges only a series that covers at least `minimumCoverage` of its long
/// window: two buckets say nothing about six hours. Written `LONG/SHORT:FACTOR:ALERT[:SHARE]`,
/// such as `1h/5m:14.4:page` or `6h/30m:6:page:50%`.
public struct BurnRateRule: Sendable, Hashable, CustomStringConvertible {
  public var long: Quantity
  public var short: Quantity
  public var factor: Double
  public var alert: BurnAlert
  /// The share of the long window the series must cover for the rule to be judged.
  public var minimumCoverage: Double

  /// The share of its long window a rule needs unless it says otherwise: 90%.
  public static let defaultCoverage = 0.9

  public init(
    long: Quantity, short: Quantity, factor: Double, alert: BurnAlert,
    minimumCoverage: Double = BurnRateRule.defaultCoverage
  ) {
    self.long = long
    self.short = short
    self.factor = factor
    self.alert = alert
    self.minimumCoverage = minimumCoverage
  }

  /// `1h/5m:14.4:page`, with `:50%` when the rule needs another share than the default.
  public var description: String {
    let share =
      minimumCoverage == Self.defaultCoverage
      ? "" : ":\(NumberText.format(minimumCoverage * 100))%"
    return "\(long.text)/\(short.text):\(NumberText.format(factor)):\(alert.rawValue)\(share)"
  }

  /// Whether a series covering `covered` seconds of the long window is judged by this rule.
  public func judges(covered: Double) -> Bool {
    covered >= minimumCoverage * ExactValue.double(long) * (1 - 1e-9)
  }

  /// Why a rule's text is not a rule.
  public struct ParseError: Error, Sendable, CustomStringConvertible {
    public var text: String
    public var reason: String

    public var description: String {
      "`\(text)` is not a burn-rate rule: \(reason) (write LONG/SHORT:FACTOR:ALERT[:SHARE], such as 1h/5m:14.4:page or 6h/30m:6:page:50%)"
    }
  }

  /// Reads `LONG/SHORT:FACTOR:ALERT[:SHARE]`; the short window must not be longer than the long
  /// one, and the share of the long window to cover is a percentage above 0% up to 100%.
  public static func parse(_ text: String) -> Result<BurnRateRule, ParseError> {
    func failure(_ reason: String) -> Result<BurnRateRule, ParseError> {
      .failure(ParseError(text: text, reason: reason))
    }
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 3 || parts.count == 4 else {
      return failure("it needs three or four parts separated by `:`")
    }
    let windows = parts[0].split(separator: "/", omittingEmptySubsequences: false)
    guard windows.count == 2 else {
      return failure("the windows are written LONG/SHORT, such as 1h/5m")
    }
    guard let long = duration(windows[0]), let short = duration(windows[1]) else {
      return failure("each window is a positive duration such as 5m, 1h or 3d")
    }
    guard short.baseValue <= long.baseValue else {
      return failure("the short window is longer than the long one")
    }
    guard case .success(let factor) = QuantityParser.parse(String(parts[1])),
      factor.family == .number,
      ExactValue.double(factor) > 0
    else { return failure("the factor is a positive number such as 14.4") }
    guard let alert = BurnAlert(rawValue: String(parts[2])), alert != .ok else {
      return failure("the alert is `warn` or `page`")
    }
    var coverage = defaultCoverage
    if parts.count == 4 {
      guard case .success(let share) = QuantityParser.parse(String(parts[3])),
        share.family == .ratio, share.baseValue > 0, share.baseValue <= 1
      else {
        return failure(
          "the share of the long window the series must cover is a percentage such as 50%")
      }
      coverage = ExactValue.double(share)
    }
    return .success(
      BurnRateRule(
        long: long, short: short, factor: ExactValue.double(factor), alert: alert,
        minimumCoverage: coverage))
  }

  private static func duration(_ text: Substring) -> Quantity? {
    guard case .success(let quantity) = QuantityParser.parse(String(text)),
      quantity.family == .duration,
      quantity.baseValue > 0
    else { return nil }
    return quantity
  }
}
