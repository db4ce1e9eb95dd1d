/// Follows exceptions across history to catch a chain of back-to-back exceptions over the limit
/// whose earlier members were removed from the tree before the later ones were added: neither
/// validation nor the gate of the later step sees the removed ones, the history does.
///
/// An exception removed counts once it had started by the day it was removed (a plan withdrawn
/// before it began is no part of any deviation). A chain is reported once, at the step that
/// completes it; chains of exceptions all in one tree, or in the base of the step, are the
/// gate's to report (`exception-policy`).
public struct ExceptionChainTracker: Sendable {
  /// The latest version of each exception seen, and the day it left the tree, if it did.
  private var seen: [ExceptionID: (exception: BudgetException, removedOn: CalendarDay?)] = [:]
  private var present: Set<ExceptionID> = []
  private var reported: Set<[ExceptionID]> = []

  public init() {}

  /// Records the exceptions of a step's tree, judged on `day`; returns the chains over `limit`
  /// that hold an exception removed before this step, each once.
  public mutating func record(_ exceptions: [BudgetException], day: CalendarDay, limit: Int)
    -> [ExceptionChain]
  {
    let ids = Set(exceptions.map(\.id.value))
    let gone = seen.values.filter { entry in
      guard let removed = entry.removedOn, !ids.contains(entry.exception.id.value) else {
        return false
      }
      return entry.exception.starts.value <= removed
    }.map(\.exception)
    var found: [ExceptionChain] = []
    if !gone.isEmpty {
      let goneIDs = Set(gone.map(\.id.value))
      for chain in ExceptionChain.chains(in: exceptions + gone)
      where chain.lengthInDays > limit && chain.ids.contains(where: { ids.contains($0) })
        && chain.ids.contains(where: { goneIDs.contains($0) })
      {
        if reported.insert(chain.ids).inserted { found.append(chain) }
      }
    }
    for id in present.subtracting(ids) { seen[id]?.removedOn = day }
    for exception in exceptions { seen[exception.id.value] = (exception, nil) }
    present = ids
    return found
  }
}
