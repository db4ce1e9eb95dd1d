import BudgetKit
import Foundation
import GitKit

/// One deviation in the exceptions register: the exception as it stands (or stood when it was
/// removed), its status on a day, and its history.
public struct ExceptionRecord: Sendable {
  /// Where an exception stands on a day.
  public enum Status: String, Sendable, CaseIterable, Codable {
    /// It starts later.
    case upcoming
    /// It is in force.
    case active
    /// Its last day has passed.
    case expired
    /// It was removed from the tree before its last day.
    case withdrawn
  }

  /// One event in the exception's life, from the audit trail.
  public struct Event: Sendable {
    public var action: ExceptionAction
    public var commit: CommitInfo
    public var change: BudgetChange
    public var rationale: String
  }

  public var exception: BudgetException
  /// The budget's effective bound for each metric the exception covers, where it is known.
  public var budgetBounds: [MetricName: Bound]
  public var status: Status
  /// Days from the day judged to the last day in force (0 on the last day); negative once
  /// expired.
  public var daysLeft: Int
  /// Newest first.
  public var history: [Event]
}
