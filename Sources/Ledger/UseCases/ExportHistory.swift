import BudgetKit
import GitKit
import Measurements

/// `export --history`: the rows of `RunHistory`, each with the id of the `.budgets` tree it was
/// judged by, and a budget or metric no history and no budgets at the head know of refused with
/// the name meant.
public struct ExportHistory {
  public let repository: Repository
  public var root = ".budgets"

  public init(repository: Repository) {
    self.repository = repository
  }

  /// One figure of history and the budgets tree that judged it.
  public struct Line: Sendable {
    public var row: HistoryRow
    /// The id of the commit's `.budgets` tree: equal ids, equal budgets. Nil without one.
    public var budgetsTree: Oid?
  }

  public enum Failure: Error, Sendable {
    case ledger(LedgerError)
    /// A budget the head's budgets do not define and no recorded figure names.
    case unknownBudget(BudgetName, head: Oid, hint: String)
    /// A metric the budget at the head does not define and no recorded figure names.
    case unknownMetric(MetricName, budget: BudgetName, head: Oid, hint: String)
  }

  /// The lines of `history`, newest first, as `RunHistory.rows()` gives them.
  public func lines(_ history: RunHistory) throws(Failure) -> [Line] {
    let rows: [HistoryRow]
    do { rows = try history.rows() } catch { throw .ledger(error) }
    if rows.isEmpty { try refuseUnknownNames(history) }
    let reader: any HistoryReading
    do { reader = try repository.historyReader() } catch { throw .ledger(.git(error)) }
    var folders: [Oid: Oid?] = [:]
    var lines: [Line] = []
    lines.reserveCapacity(rows.count)
    for row in rows {
      let folder: Oid?
      if let known = folders[row.commit.id] {
        folder = known
      } else {
        do { folder = try reader.treeId(inTree: row.commit.treeId, at: root) } catch {
          throw .ledger(.git(error))
        }
        folders[row.commit.id] = folder
      }
      lines.append(Line(row: row, budgetsTree: folder))
    }
    return lines
  }

  /// With nothing found, a budget or metric the head's budgets lack is a typo until shown
  /// otherwise: refused with the closest name they define.
  private func refuseUnknownNames(_ history: RunHistory) throws(Failure) {
    guard let budget = history.budget else { return }
    let tree: BudgetTree
    do {
      tree = try SnapshotReader(repository: repository).snapshot(atCommit: history.head).load()
    } catch .noBudgetsFolder {
      tree = BudgetTree()
    } catch {
      throw .ledger(error)
    }
    guard let found = tree.budget(named: budget) else {
      throw .unknownBudget(
        budget, head: history.head,
        hint: Suggestion.hint(for: budget.rawValue, among: tree.budgets.map(\.name.value.rawValue)))
    }
    guard let metric = history.metric, found.metrics[metric] == nil else { return }
    throw .unknownMetric(
      metric, budget: budget, head: history.head,
      hint: Suggestion.hint(for: metric.rawValue, among: found.metricOrder.map(\.rawValue)))
  }
}
