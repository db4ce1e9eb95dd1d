import BudgetKit

/// `gate --format markdown`: a pull-request comment saying what changed, what is signed, what
/// is missing and who can sign.
struct GateMarkdownRenderer: Renderer {
  func render(_ report: GateReport) -> String {
    let verdict = report.verdict
    var lines = [
      "### bursar gate: " + (verdict.passes ? "✅ pass" : "⛔ blocked"), "",
      "`\(report.base)` → `\(report.head)`", "",
    ]
    if !verdict.headErrors.isEmpty {
      lines += ["**The head does not validate** (\(verdict.headErrors.count) errors):", ""]
      lines += verdict.headErrors.prefix(10).map { "- `\($0.sentence)`" } + [""]
    }
    if !verdict.policyProblems.isEmpty {
      lines +=
        ["**Exceptions beyond policy:**", ""] + verdict.policyProblems.map { "- \($0)" } + [""]
    }
    lines += ["| file | needs | status | changes |", "|---|---|---|---|"]
    for status in verdict.required {
      let state =
        status.satisfied
        ? "✅ signed by " + status.approvers.map(\.rawValue).joined(separator: ", ")
        : "❌ missing; can sign: "
          + (status.candidates.isEmpty
            ? "nobody" : status.candidates.map(\.rawValue).joined(separator: ", "))
          + (status.excluded.isEmpty
            ? ""
            : "; not counted: "
              + status.excluded.map { cell($0.description) }.joined(separator: "; "))
      let reasons = status.requirement.reasons.map(cell).joined(separator: "<br>")
      lines.append(
        "| `\(status.requirement.path)` | \(status.requirement.teamsText) | \(state) | \(reasons) |"
      )
    }
    if verdict.required.isEmpty { lines.append("| — | nothing | ✅ no sign-off needed | |") }
    let rejected = report.rejectedApprovals
    if !rejected.isEmpty {
      lines +=
        ["", "**Approvals that do not count:**", ""]
        + rejected.map { "- `\($0.path)`: \(cell($0.reason))" }
    }
    if let advice = report.noSignerAdvice {
      lines += ["", cell(advice)]
    } else if !verdict.missing.isEmpty {
      lines += [
        "",
        "**Who can sign:** "
          + verdict.suggestedSigners.map { "`\($0)`" }.joined(separator: ", ")
          + " would cover everything missing (fewest people by a greedy set cover); each runs `bursar approve --as NAME`.",
      ]
    }
    if let advice = report.uncommittedAdvice { lines += ["", cell(advice)] }
    return lines.joined(separator: "\n")
  }

  private func cell(_ text: String) -> String {
    MarkdownTable.cell(text, escapingHTML: false)
  }
}

/// `gate --format github`: workflow-command annotations on the files that block.
struct GateGitHubRenderer: Renderer {
  func render(_ report: GateReport) -> String {
    let verdict = report.verdict
    var lines: [String] = []
    if !verdict.headErrors.isEmpty {
      lines.append(GitHubAnnotationRenderer().render(verdict.headErrors))
    }
    for problem in verdict.policyProblems { lines.append(annotation(nil, problem)) }
    for status in verdict.missing {
      let who = status.candidates.map(\.rawValue).joined(separator: ", ")
      lines.append(
        annotation(
          status.requirement.path,
          "needs sign-off by \(status.requirement.teamsText) (\(status.requirement.reasons.joined(separator: "; "))); can sign: \(who.isEmpty ? "nobody" : who)\(status.excluded.isEmpty ? "" : "; not counted: " + status.excluded.map(\.description).joined(separator: "; "))"
        ))
    }
    for rejected in report.rejectedApprovals {
      lines.append(annotation(rejected.path, rejected.reason, level: "warning"))
    }
    return lines.joined(separator: "\n")
  }

  private func annotation(_ path: String?, _ message: String, level: String = "error") -> String {
    let file = path.map { "file=\(GitHubAnnotationRenderer.escapeProperty($0))," } ?? ""
    return "::\(level) \(file)title=bursar gate::\(GitHubAnnotationRenderer.escapeData(message))"
  }
}
