import ArgumentParser
import BudgetKit
import Foundation
import Ledger

/// The filters `log` shares with the commands built on the audit trail.
struct AuditFilterOptions: ParsableArguments {
  @Option(name: .long, help: "Only changes to this budget.")
  var budget: String?

  @Option(name: .long, help: "Only changes to this metric.")
  var metric: String?

  @Option(name: .long, help: "Only this environment (production is the base metrics).")
  var env: String?

  @Option(
    name: .long,
    help: "Only these kinds, comma-separated: tighten, loosen, added, removed, changed, invalid.")
  var kind: String?

  @Option(name: .long, help: "Only commits made at or after this date.")
  var since: String?

  @Option(name: .long, help: "Only commits made at or before this date.")
  var until: String?

  @Option(name: .long, help: "Only commits whose author's name or e-mail contains this text.")
  var author: String?

  func validate() throws {
    _ = try filter()
  }

  func filter() throws -> AuditFilter {
    var filter = AuditFilter()
    filter.budget = budget.map { BudgetName($0) }
    filter.metric = metric.map { MetricName($0) }
    filter.environment = env.map { EnvironmentName($0) }
    filter.author = author
    if let kind {
      let words = kind.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
      for word in words where word != "invalid" {
        guard let value = ChangeKind(rawValue: word) else {
          throw ValidationError(
            "unknown kind '\(word)'; use tighten, loosen, added, removed, changed or invalid")
        }
        filter.kinds.insert(value)
      }
      filter.includeProblems = words.contains("invalid")
      filter.onlyProblems = filter.kinds.isEmpty && filter.includeProblems
    }
    filter.since = try since.map { try Self.date($0, "--since").start }
    filter.until = try until.map { try Self.date($0, "--until").end }
    return filter
  }

  private static func date(_ text: String, _ option: String) throws -> DateArgument {
    guard let date = DateArgument(text) else {
      throw ValidationError("\(option) takes \(DateArgument.hint), not '\(text)'")
    }
    return date
  }
}
