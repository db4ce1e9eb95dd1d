/// Budget files as YAML text, shared by the tests of every module that write a tree by hand.
public enum BudgetFiles {
  /// The Owners file of the trees `bursar check` is tested on: two teams, and latency,
  /// resources, quality and cost dimensions (cost needs both teams).
  public static let checkOwners = """
    version: 1
    kind: Owners
    teams:
      sre: { members: [{ name: alice }] }
      ml-eng: { members: [{ name: carol }] }
    dimensions:
      latency:   { owners: [sre], runbook: docs/runbooks/latency.md }
      resources: { owners: [sre] }
      quality:   { owners: [ml-eng] }
      cost:      { owners: [sre, ml-eng], require: all }
    governance: { owners: [sre] }

    """

  /// An exception that lets `latency_p95` of a budget reach `max` from `starts` to `expires`.
  public static func exception(
    _ id: String, budget: String = "fraud", max: String, starts: String = "2026-01-01",
    expires: String, reason: String = "Peak traffic.", ticket: String? = nil
  ) -> String {
    let ticketLine = ticket.map { "ticket: \($0)\n" } ?? ""
    return """
      version: 1
      kind: Exception
      id: \(id)
      budget: \(budget)
      metrics:
        latency_p95: { max: \(max) }
      reason: \(reason)
      \(ticketLine)starts: \(starts)
      expires: \(expires)

      """
  }
}
