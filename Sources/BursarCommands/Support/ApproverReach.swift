import BudgetKit

/// Which of a change's required sign-offs one approver can help meet, for `bursar approve`:
/// a record that can count for nothing is refused rather than written.
struct ApproverReach {
  var member: MemberName
  var verdict: GateVerdict

  /// The sign-offs the member's approval would count for: a member of a listed team, with a
  /// key, and not an author of the change when self-approval is off.
  var signable: [GateVerdict.Status] {
    verdict.required.filter { $0.candidates.contains(member) }
  }

  /// Whether the record can count for something; true when the change needs no sign-off.
  var canSignAnything: Bool { verdict.required.isEmpty || !signable.isEmpty }

  /// What the record will count for, after it is written.
  var summary: [String] {
    if verdict.required.isEmpty { return ["This change needs no sign-off."] }
    return signable.map {
      "counts for \($0.requirement.path): needs \($0.requirement.teamsText)"
    }
  }

  /// Why no record is written: what the change needs, who can give it, and why not this member.
  func refusal(baseName: String) -> String {
    var lines = [
      "bursar: \(member) can give none of the sign-offs this change needs (judged by the owners of \(baseName)), so no record was written."
    ]
    if let excluded = verdict.required.lazy.flatMap(\.excluded).first(where: {
      $0.member == member
    }) {
      lines.append("  \(excluded)")
    }
    for status in verdict.required {
      let who = status.candidates.map(\.rawValue).joined(separator: ", ")
      lines.append(
        "  \(status.requirement.path) needs \(status.requirement.teamsText); who can sign: \(who.isEmpty ? "nobody" : who)"
      )
    }
    if verdict.required.contains(where: { !$0.candidates.isEmpty }) {
      lines.append("  Ask one of them to run bursar approve --as NAME.")
    } else {
      lines.append(
        "  Nobody can sign: an approver must be a member of a listed team with a key in the Owners file of \(baseName), and must not have authored a commit that changes a governed file of this change (when self_approval is false)."
      )
    }
    return lines.joined(separator: "\n")
  }
}
