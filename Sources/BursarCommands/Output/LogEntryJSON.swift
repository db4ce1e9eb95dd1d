import BudgetKit
import Ledger

/// One audit entry as `log --format json|jsonl` writes it: every key present, null where there
/// is no value. The change's keys are the same as in `diff --format json`.
struct LogEntryJSON: Encodable {
  var entry: AuditEntry

  private enum Keys: String, CodingKey {
    case commit, date, author, committer, subject, rationale, approvals, problem
    case authorEmail = "author_email"
    case authorDate = "author_date"
    case committerEmail = "committer_email"
  }

  func encode(to encoder: Encoder) throws {
    let commit = entry.commit
    var container = encoder.container(keyedBy: Keys.self)
    try container.encode(commit.id.hex, forKey: .commit)
    try container.encode(TimeText.iso(commit.committer), forKey: .date)
    try container.encode(commit.author.name, forKey: .author)
    try container.encode(commit.author.email, forKey: .authorEmail)
    try container.encode(TimeText.iso(commit.author), forKey: .authorDate)
    try container.encode(commit.committer.name, forKey: .committer)
    try container.encode(commit.committer.email, forKey: .committerEmail)
    try container.encode(commit.summary, forKey: .subject)
    try container.encode(entry.rationale, forKey: .rationale)
    try container.encode(entry.approvals.map(\.rawValue), forKey: .approvals)
    try container.encode(entry.problem.map(\.description), forKey: .problem)
    try ChangeJSON(change: LogEntryJSON.change(of: entry), invalid: entry.change == nil).encode(
      to: encoder)
  }

  /// The entry's change, or for a file left invalid a stand-in of kind `invalid`.
  static func change(of entry: AuditEntry) -> BudgetChange {
    if let change = entry.change { return change }
    let path = entry.problem?.location.path ?? ""
    return BudgetChange(category: .budget, kind: .changed, path: path, note: entry.problem?.message)
  }
}
