import BudgetKit

/// A gate verdict with the names of the two points it compared, ready to render.
struct GateReport {
  var base: String
  var head: String
  var verdict: GateVerdict
  /// Approval records in the work tree that no commit holds yet (untracked or modified), which
  /// the gate cannot see.
  var uncommittedApprovals: [String] = []

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

  /// Why nobody can sign when the missing sign-offs have no possible signer, and what an
  /// approver must be; nil when someone can sign or nothing is missing.
  var noSignerAdvice: String? {
    guard !verdict.passes, !verdict.missing.isEmpty, verdict.suggestedSigners.isEmpty else {
      return nil
    }
    var seen = Set<MemberName>()
    let excluded = verdict.missing.flatMap(\.excluded).filter { seen.insert($0.member).inserted }
    var text = "Nobody can give the missing sign-offs under the base owners"
    text +=
      excluded.isEmpty ? "." : ": " + excluded.map(\.description).joined(separator: "; ") + "."
    text +=
      " An approver must be a member of a team the sign-off lists, with a key in the base revision's Owners file, and must not have authored a commit that changes a governed file of this change."
    if excluded.contains(where: \.isAuthor) {
      text +=
        " Ask another member to approve; when nobody else is listed (a one-person repository), an Owners change that lands first must add one, or set `self_approval: true`."
    } else {
      text += " Add such a member, or the member's key, in an Owners change that lands first."
    }
    return text
  }

  /// The line saying to commit and push records the gate cannot see yet; nil when there are none.
  var uncommittedAdvice: String? {
    guard !uncommittedApprovals.isEmpty else { return nil }
    let files = uncommittedApprovals.joined(separator: " ")
    return
      "Not committed, so not judged: \(files). Commit and push them: git add \(files) && git commit -m \"Approve budget changes\" && git push"
  }
}

/// The outcome of `gate` as one line per need, for people and for hooks.
struct GateTextRenderer: Renderer {
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
        if !status.excluded.isEmpty {
          lines.append(
            "           not counted: \(status.excluded.map(\.description).joined(separator: "; "))")
        }
      }
      for reason in need.reasons.prefix(5) { lines.append("           \(style.dim(reason))") }
      if need.reasons.count > 5 {
        lines.append("           … and \(need.reasons.count - 5) more changes")
      }
    }
    for rejected in report.rejectedApprovals {
      lines.append("  ignored  \(rejected.path): \(rejected.reason)")
    }
    if let advice = report.noSignerAdvice {
      lines.append(advice)
    } else if !verdict.passes && !verdict.missing.isEmpty {
      lines.append(
        "Must sign: \(names(verdict.suggestedSigners)) (the fewest people found by a greedy set cover), with `bursar approve --as NAME`."
      )
    }
    if let advice = report.uncommittedAdvice { lines.append(advice) }
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
    var excluded: [Excluded]
    var reasons: [String]
  }

  struct Excluded: Encodable {
    var name: String
    var reason: String
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
  var uncommittedApprovals: [String]

  enum CodingKeys: String, CodingKey {
    case verdict, base, head, required, approvals, errors, policy
    case suggestedSigners = "suggested_signers"
    case uncommittedApprovals = "uncommitted_approvals"
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
        excluded: $0.excluded.map { Excluded(name: $0.member.rawValue, reason: $0.description) },
        reasons: $0.requirement.reasons)
    }
    approvals = verdict.reviews.map {
      Review(
        path: $0.path, by: $0.by.rawValue, genuine: $0.isGenuine, problem: $0.problem?.description,
        fresh: $0.freshPaths, stale: $0.stalePaths)
    }
    errors = verdict.headErrors.map(\.sentence)
    policy = verdict.policyProblems
    suggestedSigners = verdict.suggestedSigners.map(\.rawValue)
    uncommittedApprovals = report.uncommittedApprovals
  }
}
