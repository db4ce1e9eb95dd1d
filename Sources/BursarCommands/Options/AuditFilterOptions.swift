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
    help: """
      Only these kinds (the KIND column, `kind` in json and csv), comma-separated: tighten, \
      loosen, added, removed, changed, invalid.
      """)
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
          throw ValidationError(Self.unknownKind(word))
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

  /// Names the kinds; an exception's action (which the table's EXCEPTION column shows) is
  /// answered with the kind it has.
  private static func unknownKind(_ word: String) -> String {
    let kinds = "tighten, loosen, added, removed, changed or invalid"
    guard let action = ExceptionAction(rawValue: word) else {
      return "unknown kind '\(word)'; use \(kinds)"
    }
    let kind =
      switch action {
      case .created: "added"
      case .withdrawn: "removed"
      case .extended: "loosen"
      case .shortened: "tighten"
      case .amended: "loosen, tighten or changed"
      }
    return
      "'\(word)' is an exception's action (the EXCEPTION column; `action` in json and csv), not a kind: exceptions \(word) are of kind \(kind). Kinds: \(kinds)"
  }

  private static func date(_ text: String, _ option: String) throws -> DateArgument {
    guard let date = DateArgument(text) else {
      throw ValidationError("\(option) takes \(DateArgument.hint), not '\(text)'")
    }
    return date
  }
}
