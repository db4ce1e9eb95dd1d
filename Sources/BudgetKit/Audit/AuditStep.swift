/// Re-judges one first-parent step of history (a commit against its first parent) with the
/// owners, keys and rules of that parent, as `bursar gate` would have judged it.
public struct AuditStep: Sendable {
  public var commit: String
  /// The commit the step is judged against: the first parent, or a recorded push's old tip.
  public var baseCommit: String?
  public var date: String
  public var author: String
  public var gate: SignOffGate
  /// The files the step changed (relative to the repository root), when known: the step is then
  /// judged by comparing only what they touch (`SignOffGate.verdict(touching:)`), with the same
  /// findings as comparing the whole trees.
  public var touched: Set<String>?

  public init(
    commit: String, date: String, author: String, gate: SignOffGate, touched: Set<String>? = nil,
    baseCommit: String? = nil
  ) {
    self.commit = commit
    self.baseCommit = baseCommit
    self.date = date
    self.author = author
    self.gate = gate
    self.touched = touched
  }

  /// Whether the base had no Owners file to judge by: the tree's beginning, not a finding.
  public var isBootstrap: Bool { gate.base?.owners == nil }

  /// What this step did that its base's rules did not allow.
  public func findings() -> [AuditFinding] {
    let verdict = touched.map(gate.verdict(touching:)) ?? gate.verdict()
    var found: [AuditFinding] = []
    func add(_ kind: AuditFinding.Kind, _ path: String, _ detail: String) {
      found.append(
        AuditFinding(
          kind: kind, commit: commit, date: date, author: author, path: path, detail: detail))
    }
    for error in verdict.headErrors {
      add(
        .invalidTree, error.location.path,
        "\(error.location): \(error.rule.rawValue): \(error.message)")
    }
    for status in verdict.required where !status.satisfied {
      let reasons = status.requirement.reasons.joined(separator: "; ")
      add(.unsigned, status.requirement.path, "needed \(status.requirement.teamsText): \(reasons)")
    }
    let added = Set(verdict.changes.filter { $0.category == .approval }.map(\.path))
    for review in verdict.reviews where added.contains(review.path) {
      guard let problem = review.problem else { continue }
      add(.unverifiedApproval, review.path, "approval by \(review.by): \(problem)")
    }
    for problem in verdict.policyProblems {
      add(.exceptionPolicy, "", problem)
    }
    return found
  }
}
