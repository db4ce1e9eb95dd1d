import BudgetKit
import Ledger
import Measurements

extension CheckCommand {
  /// The recorded runs the tree's baselines and drift references name (`{run: <id>}`,
  /// `{commit: <id>}`), read from `refs/bursar/runs`; nil when no metric names one, so a
  /// check that needs no run never opens the store.
  func recordedReferences(for tree: BudgetTree) throws -> (any RecordedRunSource)? {
    let names = tree.budgets.contains { budget in
      budget.metrics.values.contains {
        $0.shape.baselineSource != nil || $0.shape.reference?.value.recorded != nil
      }
    }
    guard names else { return nil }
    let repo = try repository.open()
    do throws(LedgerError) {
      return try StoreRecordedRuns(repository: repo)
    } catch {
      throw CommandFailure(error)
    }
  }
}
