import BudgetKit
import Foundation
import GitKit
import Measurements

/// One recorded run as the history commands read it: the run, the commit it measures, and the
/// instant that decides which exceptions were in force.
public struct RunPoint: Sendable {
  public var run: RecordedRun
  public var commit: Oid

  public init(run: RecordedRun, commit: Oid) {
    self.run = run
    self.commit = commit
  }

  public var id: String { run.id.rawValue }
  public var environment: EnvironmentName { run.environment }
  /// When the figures were measured, else when the run was recorded.
  public var instant: Date { run.measuredAt ?? run.recordedAt }
}
