import BudgetKit
import Foundation

/// Which audit entries a reader asked for; every condition set must hold.
public struct AuditFilter: Sendable {
  public var budget: BudgetName?
  public var metric: MetricName?
  /// An environment; `production` matches the base metrics.
  public var environment: EnvironmentName?
  public var kinds: Set<ChangeKind> = []
  /// Also keep entries that report invalid files (on by default; off when kinds are given).
  public var includeProblems = true
  /// Keep only the entries that report invalid files.
  public var onlyProblems = false
  public var categories: Set<ChangeCategory> = []
  /// Committed at or after this moment.
  public var since: Date?
  /// Committed at or before this moment.
  public var until: Date?
  /// Text the author's name or e-mail contains, ignoring case.
  public var author: String?

  public init() {}

  public func includes(_ entry: AuditEntry) -> Bool {
    let time = entry.commit.committer.time
    if let since, time < since { return false }
    if let until, time > until { return false }
    if let author, !matchesAuthor(entry, author) { return false }
    if onlyProblems { return entry.change == nil }
    guard let change = entry.change else {
      // A file left invalid: kept unless the reader asked for particular changes.
      guard includeProblems, budget == nil, metric == nil, environment == nil else { return false }
      return true
    }
    if let budget, change.budget != budget { return false }
    if let metric, change.metric != metric { return false }
    // A change that concerns no budget (the Owners file) is filed under production.
    if let environment, (change.environment ?? .production) != environment { return false }
    if !kinds.isEmpty, !kinds.contains(change.kind) { return false }
    if !categories.isEmpty, !categories.contains(change.category) { return false }
    return true
  }

  private func matchesAuthor(_ entry: AuditEntry, _ text: String) -> Bool {
    let author = entry.commit.author
    return author.name.range(of: text, options: .caseInsensitive) != nil
      || author.email.range(of: text, options: .caseInsensitive) != nil
  }
}
