import BudgetKit

/// A gate verdict with the names of the two points it compared, ready to render.
struct GateReport {
  var base: String
  var head: String
  var verdict: GateVerdict

  /// Approvals that count for nothing, with why: not genuine, or bound to an older meaning.
  var rejectedApprovals: [(path: String, reason: String)] {
    verdict.reviews.flatMap { review -> [(path: String, reason: String)] in
      if let problem = review.problem {
        return [(review.path, "approval by \(review.by) does not count: \(problem)")]
      }
      return review.stalePaths.map {
        (
          review.path,
          "approval by \(review.by) is stale for \($0): the file changed after it was signed"
        )
      }
    }
  }
}

/// The outcome of `gate` as one line per need, for people and for hooks.
struct GateTextRenderer {
  var style = Style()

  func render(_ report: GateReport) -> String {
    let verdict = report.verdict
    var lines = [
      (verdict.passes ? style.green("PASS") : style.red("BLOCKED"))
        + " \(report.base) → \(report.head): \(verdict.changes.count) change\(verdict.changes.count == 1 ? "" : "s"), \(verdict.required.count) sign-off\(verdict.required.count == 1 ? "" : "s") required"
    ]
    for error in verdict.headErrors.prefix(10) { lines.append("  invalid: \(error)") }
    if verdict.headErrors.count > 10 {
      lines.append("  … and \(verdict.headErrors.count - 10) more errors")
    }
    for problem in verdict.policyProblems { lines.append("  policy: \(problem)") }
    for status in verdict.required {
      let need = status.requirement
      if status.satisfied {
        lines.append(
          "  signed   \(need.path): \(need.teamsText) by \(status.approvers.map(\.rawValue).joined(separator: ", "))"
        )
      } else {
        lines.append("  missing  \(need.path): needs \(need.teamsText)" + signedSoFar(status))
        lines.append("           who can sign: \(names(status.candidates))")
      }
      for reason in need.reasons.prefix(5) { lines.append("           \(style.dim(reason))") }
      if need.reasons.count > 5 {
        lines.append("           … and \(need.reasons.count - 5) more changes")
      }
    }
    for rejected in report.rejectedApprovals {
      lines.append("  ignored  \(rejected.path): \(rejected.reason)")
    }
    if !verdict.passes && !verdict.missing.isEmpty {
      lines.append(
        verdict.suggestedSigners.isEmpty
          ? "Nobody in the base owners can give the missing sign-offs; the base Owners file must change first."
          : "Must sign: \(names(verdict.suggestedSigners)) (the fewest people found by a greedy set cover), with `bursar approve --as NAME`."
      )
    }
    return lines.joined(separator: "\n")
  }

  private func signedSoFar(_ status: GateVerdict.Status) -> String {
    status.approvers.isEmpty ? "" : " (so far: \(names(status.approvers)))"
  }

  private func names(_ members: [MemberName]) -> String {
    members.isEmpty ? "nobody" : members.map(\.rawValue).joined(separator: ", ")
  }
}

/// `gate --format json`: `verdict` and `required` as the command-line contract names them.
struct GateJSON: Encodable {
  struct Required: Encodable {
    var path: String
    var teams: [String]
    var require: String
    var satisfied: Bool
    var approvers: [String]
    var candidates: [String]
    var reasons: [String]
  }

  struct Review: Encodable {
    var path: String
    var by: String
    var genuine: Bool
    var problem: String?
    var fresh: [String]
    var stale: [String]
  }

  var verdict: String
  var base: String
  var head: String
  var required: [Required]
  var approvals: [Review]
  var errors: [String]
  var policy: [String]
  var suggestedSigners: [String]

  enum CodingKeys: String, CodingKey {
    case verdict, base, head, required, approvals, errors, policy
    case suggestedSigners = "suggested_signers"
  }

  init(_ report: GateReport) {
    let verdict = report.verdict
    self.verdict = verdict.passes ? "pass" : "block"
    base = report.base
    head = report.head
    required = verdict.required.map {
      Required(
        path: $0.requirement.path, teams: $0.requirement.signOff.teams.map(\.rawValue),
        require: $0.requirement.signOff.require.description, satisfied: $0.satisfied,
        approvers: $0.approvers.map(\.rawValue), candidates: $0.candidates.map(\.rawValue),
        reasons: $0.requirement.reasons)
    }
    approvals = verdict.reviews.map {
      Review(
        path: $0.path, by: $0.by.rawValue, genuine: $0.isGenuine, problem: $0.problem?.description,
        fresh: $0.freshPaths, stale: $0.stalePaths)
    }
    errors = verdict.headErrors.map(\.description)
    policy = verdict.policyProblems
    suggestedSigners = verdict.suggestedSigners.map(\.rawValue)
  }
}
