import BudgetKit
import Foundation
import GitKit

/// Finds, among the `unsigned` findings of an audit, the loosenings whose fresh approval landed
/// later on the first-parent line, in a separate step (a fast-forward or rebase merge with no
/// push record): those become `approved-late`, naming the approvers, the approving commit and
/// the time between.
///
/// An unsigned step is held until the file it needed a sign-off for changes meaning; each later
/// step that adds an approval of that meaning re-judges the two together, from the unsigned
/// step's base to the later step's head, as `bursar gate` would have.
public final class LateApprovals {
  private let repository: Repository
  private let root: String
  private var held: [Held] = []
  private let dates = ISO8601DateFormatter()

  /// An unsigned step waiting for its approval. It keeps the step's base commit, not its
  /// trees: a history can hold hundreds of unsigned steps, and the base tree is read again only
  /// when a later step brings records that bear on the step.
  private struct Held {
    var base: Oid?
    /// The day the step's base tree was judged on.
    var baseDay: CalendarDay?
    var time: Date
    /// The index of each unsigned finding in the caller's list, by the file it needs signed.
    var findings: [String: Int]
    /// Each such file's meaning digest after the step.
    var digests: [String: String]
    /// The approval records of those meanings already judged against the step's base.
    var records: Set<String>
  }

  public init(repository: Repository, root: String = ".budgets") {
    self.repository = repository
    self.root = root
  }

  /// Judges the steps held so far against `step`, turning the findings they resolve into
  /// `approved-late` in `findings`; then holds `step`'s own unsigned findings, whose places in
  /// `findings` start at `offset`.
  public func observe(
    _ step: AuditStep, stepFindings: [AuditFinding], offset: Int,
    findings: inout [AuditFinding]
  ) throws(LedgerError) {
    let stepTime = try time(of: step)
    var kept: [Held] = []
    for waiting in held {
      if let left = try resolve(waiting, by: step, at: stepTime, findings: &findings) {
        kept.append(left)
      }
    }
    held = kept
    var unsigned: [String: Int] = [:]
    for (index, finding) in stepFindings.enumerated() where finding.kind == .unsigned {
      unsigned[finding.path] = offset + index
    }
    guard !unsigned.isEmpty else { return }
    var digests: [String: String] = [:]
    for path in unsigned.keys {
      digests[path] = step.gate.head.digests[path] ?? MeaningDigest.deleted
    }
    let base = step.baseCommit.flatMap(Oid.init(hex:))
    let judged = step.gate.head.approvals.filter { approval in
      approval.approves.contains { digests[root + "/" + $0.path.value] == $0.digest.value }
    }
    held.append(
      Held(
        base: base, baseDay: step.gate.base?.day, time: stepTime, findings: unsigned,
        digests: digests, records: Set(judged.map(\.path))))
  }

  /// What is left of `held` once `later` is taken into account; nil when nothing is.
  private func resolve(
    _ held: Held, by later: AuditStep, at laterTime: Date,
    findings: inout [AuditFinding]
  ) throws(LedgerError) -> Held? {
    var held = held
    let head = later.gate.head
    // A file whose meaning changed is no longer the one that landed unsigned.
    for (path, digest) in held.digests where (head.digests[path] ?? MeaningDigest.deleted) != digest
    {
      held.findings[path] = nil
      held.digests[path] = nil
    }
    var approving = Set<String>()
    var records = Set<String>()
    for (path, digest) in held.digests {
      let approvals = head.approvals.filter { approval in
        approval.approves.contains {
          root + "/" + $0.path.value == path && $0.digest.value == digest
        }
      }
      if !approvals.isEmpty { approving.insert(path) }
      records.formUnion(approvals.map(\.path))
    }
    // Records already judged against the same base cannot meet the sign-off on their own.
    let unjudged = !records.isSubset(of: held.records)
    held.records = records
    guard unjudged else { return held }
    let laterId = try commitId(later)
    let reader = SignOffReader(repository: repository, root: root)
    let authors = try reader.authors(base: held.base, head: laterId)
    let base = try held.base.flatMap { (commit) throws(LedgerError) in
      try reader.tree(atCommit: commit, day: held.baseDay ?? .today)?.tree
    }
    let verdict = SignOffGate(
      base: base, head: head, messages: later.gate.messages, authors: authors, root: root
    ).verdict()
    for status in verdict.required
    where status.satisfied && approving.contains(status.requirement.path) {
      let path = status.requirement.path
      guard let index = held.findings[path] else { continue }
      let after = laterTime.timeIntervalSince(held.time)
      findings[index].kind = .approvedLate
      findings[index].detail = detail(
        findings[index].detail, approvers: status.approvers, later: later, after: after)
      findings[index].approval = AuditFinding.LateApproval(
        commit: later.commit, date: later.date, by: status.approvers.map(\.rawValue),
        afterSeconds: max(0, Int(after.rounded())))
      held.findings[path] = nil
      held.digests[path] = nil
    }
    return held.findings.isEmpty ? nil : held
  }

  private func detail(
    _ unsigned: String, approvers: [MemberName], later: AuditStep, after seconds: TimeInterval
  ) -> String {
    let names = approvers.map(\.rawValue).joined(separator: ", ")
    return "approved by \(names) in \(later.commit.prefix(7)) (\(later.date)), "
      + "\(Elapsed.text(seconds)) later, in a separate first-parent step with no push record; "
      + unsigned
  }

  private func commitId(_ step: AuditStep) throws(LedgerError) -> Oid {
    guard let id = Oid(hex: step.commit) else { throw .git(.unknownRevision(step.commit)) }
    return id
  }

  /// The step's committer time, which its date gives to the second.
  private func time(of step: AuditStep) throws(LedgerError) -> Date {
    if let date = dates.date(from: step.date) { return date }
    let id = try commitId(step)
    do { return try repository.commit(id).committer.time } catch { throw .git(error) }
  }
}
