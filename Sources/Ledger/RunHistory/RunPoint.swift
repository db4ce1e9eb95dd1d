import BudgetKit
import Foundation
import GitKit
import Measurements

/// One recorded run as the history commands read it: its figures as a measurements document,
/// the commit it measures, the environment and the instant it was measured at.
public struct RunPoint: Sendable {
  public var id: String
  public var commit: Oid
  public var environment: EnvironmentName
  /// When the figures were measured, else when the run was recorded; it decides which
  /// exceptions were in force.
  public var instant: Date
  /// Who recorded the run, for people.
  public var recorder: String?
  public var measurements: Measurements

  public init(
    id: String, commit: Oid, environment: EnvironmentName, instant: Date, recorder: String? = nil,
    measurements: Measurements
  ) {
    self.id = id
    self.commit = commit
    self.environment = environment
    self.instant = instant
    self.recorder = recorder
    self.measurements = measurements
  }
}
