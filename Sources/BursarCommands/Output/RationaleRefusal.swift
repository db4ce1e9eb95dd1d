import BudgetKit
import Ledger

/// What commit-msg says when it refuses a message without a `Budget-Rationale:` trailer: why,
/// an example trailer, and the command that starts again from the kept message.
struct RationaleRefusal {
  /// Why the trailer is needed.
  var reason: CommitHook.RationaleNeed
  /// The message file git passed to the hook.
  var messageFile: String
  /// The index the refused commit recorded, which decides the options to repeat.
  var index: CommitIndex

  func render() -> String {
    var lines = opening()
    lines += [
      "  End the message with a paragraph such as:",
      "",
      "    Budget-Rationale: the new tokenizer costs 8 ms at p95; product accepted it (TICKET-123)",
      "",
      "  Your message is kept in \(messageFile); to add the trailer and commit again, run:",
      "",
      "    \(retryCommand)",
      "",
    ]
    lines += retryNote.map { ["  \($0)"] } ?? []
    return lines.joined(separator: "\n")
  }

  /// The command that commits the same changes again from the kept message: `-a` when the
  /// refused commit was `git commit -a` (its temporary index is gone, and nothing is staged).
  var retryCommand: String {
    let file = Self.shellWord(messageFile)
    switch index {
    case .own: return "git commit -e -F \(file)"
    case .all: return "git commit -a -e -F \(file)"
    case .paths: return "git commit -e -F \(file) -- PATH…"
    }
  }

  private var retryNote: String? {
    switch index {
    case .own: nil
    case .all:
      "(-a as in the refused commit: it staged its changes for itself only, so without -a there is nothing to commit.)"
    case .paths: "(name the paths again: the refused commit staged them for itself only.)"
    }
  }

  private func opening() -> [String] {
    switch reason {
    case .loosens:
      return [
        "bursar: this commit loosens budgets, so its message needs a Budget-Rationale: trailer,",
        "  which bursar log shows as the reason.",
      ]
    case .merge(let judgement):
      var lines = [
        "bursar: this merge needs a Budget-Rationale: trailer of its own. A merge needs none when",
        "  everything it loosens comes from merged commits that each carry one; here",
      ]
      if !judgement.ownLoosenings.isEmpty {
        lines.append("  the merge loosens beyond its parents:")
        lines += judgement.ownLoosenings.map { "    " + Self.describe($0) }
      }
      if !judgement.unexplained.isEmpty {
        lines.append("  merged commits loosen without a trailer:")
        lines += judgement.unexplained.map { "    \($0.id.abbreviated) \($0.summary)" }
      }
      return lines
    }
  }

  /// `fraud-detector production latency_p95 max: 120ms → 125ms`.
  static func describe(_ change: BudgetChange) -> String {
    let place = [
      change.exception?.rawValue, change.budget?.rawValue,
      ChangeText.environment(change), change.metric?.rawValue,
    ].compactMap { $0 }
    return (place + ["\(change.field.name): " + ChangeText.values(change)]).joined(separator: " ")
  }

  /// A path as one shell word: as it is when it needs no quoting, else in single quotes.
  static func shellWord(_ text: String) -> String {
    let plain = text.allSatisfy { $0.isLetter || $0.isNumber || "/._-+@:,".contains($0) }
    return plain && !text.isEmpty
      ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
