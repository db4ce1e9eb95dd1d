import BudgetKit
import Foundation

/// How a check is run: which environment and instant, and how figures are computed.
public struct CheckOptions: Sendable {
  /// The environment to judge; overrides the measurements file's. Production when neither says.
  public var environment: EnvironmentName?
  /// The instant that decides which exceptions are in force; overrides the file's `at`.
  public var at: Date?
  /// The instant used when neither the options nor the file give one.
  public var now: Date
  /// Whether a measured budget's metric without a figure is reported without failing.
  public var allowMissing: Bool
  /// Whether a figure on a suspect scale (`ScaleWarning`) is reported without failing.
  public var allowScaleWarnings: Bool
  public var percentileMethod: PercentileMethod
  public var burnRatePolicy: BurnRatePolicy

  public init(
    environment: EnvironmentName? = nil, at: Date? = nil, now: Date = Date(),
    allowMissing: Bool = false, allowScaleWarnings: Bool = false,
    percentileMethod: PercentileMethod = .linear, burnRatePolicy: BurnRatePolicy = .sreWorkbook
  ) {
    self.environment = environment
    self.at = at
    self.now = now
    self.allowMissing = allowMissing
    self.allowScaleWarnings = allowScaleWarnings
    self.percentileMethod = percentileMethod
    self.burnRatePolicy = burnRatePolicy
  }
}
