/// One sign-off a change needs: which teams must approve which file, and why.
public struct RequiredSignOff: Sendable, Hashable {
  /// The file the approval must bind, relative to the repository root (`.budgets/models/a.yaml`).
  public var path: String
  /// The teams, and how many of them, read from the base revision's Owners file.
  public var signOff: SignOff
  /// The changes that call for it, for people (`loosen fraud latency_p95 100ms → 130ms`).
  public var reasons: [String]

  public init(path: String, signOff: SignOff, reasons: [String]) {
    self.path = path
    self.signOff = signOff
    self.reasons = reasons
  }

  /// The teams as people read them: `sre, ml-eng (all)`.
  public var teamsText: String {
    signOff.teams.map(\.rawValue).joined(separator: ", ") + " (\(signOff.require))"
  }
}
