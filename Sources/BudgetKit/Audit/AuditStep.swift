/// Re-judges one first-parent step of history (a commit against its first parent) with the
/// owners, keys and rules of that parent, as `bursar gate` would have judged it.
public struct AuditStep: Sendable {
  public var commit: String
  public var date: String
  public var author: String
  public var gate: SignOffGate

  public init(commit: String, date: String, author: String, gate: SignOffGate) {
    self.commit = commit
    self.date = date
    self.author = author
    self.gate = gate
  }

  /// What this step did that its base's rules did not allow.
  public func findings() -> [AuditFinding] {
    let verdict = gate.verdict()
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
