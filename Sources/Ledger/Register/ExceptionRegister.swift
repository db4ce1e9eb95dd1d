import BudgetKit
import Foundation
import GitKit

/// Builds the register of deviations: every exception in a tree, and those the history shows
/// were removed, each judged on one day and given its history from the audit trail.
public struct ExceptionRegister {
  public let repository: Repository
  /// The walk for history; nil to leave history out.
  public let scope: HistoryScope?

  public init(repository: Repository, scope: HistoryScope?) {
    self.repository = repository
    self.scope = scope
  }

  public func records(tree: BudgetTree, on day: CalendarDay) throws(LedgerError)
    -> [ExceptionRecord]
  {
    let history = try events()
    var records = tree.exceptions.map { exception in
      record(
        exception, budgets: tree.budgets, day: day, removed: false,
        history: history[exception.id.value] ?? [])
    }
    let present = Set(tree.exceptions.map(\.id.value))
    for (id, events) in history where !present.contains(id) {
      guard let removal = events.first, removal.action == .withdrawn,
        let last = try lastVersion(of: removal)
      else { continue }
      records.append(record(last, budgets: tree.budgets, day: day, removed: true, history: events))
    }
    return records.sorted {
      ($0.exception.expires.value, $0.exception.id.value) < (
        $1.exception.expires.value, $1.exception.id.value
      )
    }
  }

  private func record(
    _ exception: BudgetException, budgets: [Budget], day: CalendarDay, removed: Bool,
    history: [ExceptionRecord.Event]
  ) -> ExceptionRecord {
    let budget = budgets.first { $0.name.value == exception.budget.value }
    var bounds: [MetricName: Bound] = [:]
    for metric in exception.metrics {
      bounds[metric.name.value] = budget?.effectiveBound(
        of: metric.name.value, in: exception.environment.value)
    }
    let daysLeft = day.days(to: exception.expires.value)
    let status: ExceptionRecord.Status
    if daysLeft < 0 {
      status = .expired
    } else if removed {
      status = .withdrawn
    } else if day < exception.starts.value {
      status = .upcoming
    } else {
      status = .active
    }
    return ExceptionRecord(
      exception: exception, budgetBounds: bounds, status: status, daysLeft: daysLeft,
      history: history)
  }

  /// Exception events by id, newest first, one per commit and action.
  private func events() throws(LedgerError) -> [ExceptionID: [ExceptionRecord.Event]] {
    guard let scope else { return [:] }
    // Only a file whose bytes say Exception (or hold an escape that could) can be one.
    let trail = try AuditTrail(
      repository: repository, scope: scope, relevance: Relevance.containing(["Exception"]))
    var events: [ExceptionID: [ExceptionRecord.Event]] = [:]
    while let commit = try trail.next() {
      var seen = Set<String>()
      for entry in commit.entries {
        guard let change = entry.change, change.category == .exception, let id = change.exception,
          let action = change.action, seen.insert("\(id) \(action)").inserted
        else { continue }
        events[id, default: []].append(
          ExceptionRecord.Event(
            action: action, commit: commit.commit, change: change, rationale: entry.rationale))
      }
    }
    return events
  }

  /// The exception as it was just before the commit that removed it.
  private func lastVersion(of removal: ExceptionRecord.Event) throws(LedgerError)
    -> BudgetException?
  {
    do {
      guard let parent = removal.commit.parentIds.first else { return nil }
      let tree = try repository.links(of: parent).treeId
      guard let entry = try repository.lookup(removal.change.path, inTree: tree).fileEntry else {
        return nil
      }
      let root = CommitTreeLoader(repository: repository).root
      let relative = String(removal.change.path.dropFirst(root.count + 1))
      let file = CommitTreeLoader(repository: repository).parsedFiles([entry.file(at: relative)])
        .first
      if case .exception(let exception)? = file?.document { return exception }
      return nil
    } catch {
      throw .git(error)
    }
  }
}
