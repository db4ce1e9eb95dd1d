import Ledger

extension GateReport {
  /// The report of the gate's judgement, the points named as the person wrote them.
  init(_ judgement: Gate.Judgement) {
    self.init(
      base: judgement.base.description, head: judgement.head.description,
      verdict: judgement.verdict, uncommittedApprovals: judgement.uncommittedApprovals)
  }
}
