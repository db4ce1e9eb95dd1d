import BudgetKit
import Ledger
import Measurements

/// What `suggest` shows: the plan, and the files `--write` edited.
struct SuggestReport {
  var plan: SuggestPlan
  var written: [String]
  var wrote: Bool

  /// `100ms → 79ms`.
  static func change(_ suggestion: BoundSuggestion) -> String {
    "\(suggestion.proposal.current.text) → \(suggestion.proposal.proposedText)"
  }

  /// `worst 71.2ms of 20 runs, 21% tighter`, and for a floor far below the runs, a flag.
  static func detail(_ suggestion: BoundSuggestion) -> String {
    let proposal = suggestion.proposal
    let worst = QuantityText.format(proposal.worst, in: proposal.current.unit)
    let side = proposal.key == .max ? "highest" : "lowest"
    var text =
      "\(side) \(worst) over \(proposal.runs) run\(proposal.runs == 1 ? "" : "s"), \(NumberText.percent(proposal.tightening, significantDigits: 3)) tighter"
    if proposal.farBelowReality { text += "; the floor is far below what the runs reach" }
    return text
  }

  /// Who signs off a tightening, from `rules.tighten`.
  var signOff: String {
    switch plan.tighten {
    case .none: "`rules.tighten` is `none`: a tightening needs no sign-off"
    case .owners: "`rules.tighten` is `owners`: each tightening needs its dimension's owners"
    case .governance: "`rules.tighten` is `governance`: each tightening needs the governance teams"
    }
  }
}

struct SuggestTextRenderer: Renderer {
  var style = Style()

  func render(_ report: SuggestReport) -> String {
    let plan = report.plan
    let runs = plan.runs.map { "\($0.count) in \($0.environment)" }.joined(separator: ", ")
    let margin = NumberText.percent(plan.policy.margin, significantDigits: 3)
    var lines = [
      "bursar suggest: \(plan.suggestions.count) tighter limit\(plan.suggestions.count == 1 ? "" : "s") from the latest runs (\(runs); margin \(margin))"
    ]
    guard !plan.suggestions.isEmpty else {
      lines.append("Nothing to tighten: no limit is beaten by more than the margin.")
      return lines.joined(separator: "\n")
    }
    lines.append("")
    var table = TextTable()
    for suggestion in plan.suggestions {
      table.append([
        TextTable.Cell(text: suggestion.budget.rawValue, style: style.bold),
        TextTable.Cell(text: suggestion.environment.rawValue),
        TextTable.Cell(text: suggestion.metric.rawValue),
        TextTable.Cell(text: suggestion.proposal.key.rawValue),
        TextTable.Cell(text: SuggestReport.change(suggestion), style: style.green),
        TextTable.Cell(text: SuggestReport.detail(suggestion), style: style.dim),
      ])
    }
    lines += table.lines()
    lines.append("")
    if report.wrote {
      lines.append(
        "Wrote \(report.written.joined(separator: ", ")), changing only those values. Review with `git diff` and `bursar diff`, then commit: \(report.signOff)."
      )
    } else {
      lines.append(
        "`bursar suggest --write` edits the files in place; then commit and have it reviewed: \(report.signOff)."
      )
    }
    return lines.joined(separator: "\n")
  }
}

/// The `suggest --format json` document (docs/json.md#suggest).
struct SuggestJSON: Encodable {
  var margin: JSONOutput.Number?
  var runs: [String: Int]
  var tighten: String
  var written: [String]
  var suggestions: [Item]

  struct Item: Encodable {
    var budget: String
    var path: String
    var environment: String
    var metric: String
    var dimension: String
    var field: String
    var current: String
    var proposed: String
    var proposed_value: JSONOutput.Number?
    var worst: JSONOutput.Number?
    var runs: Int
    var tightening: JSONOutput.Number?
    var far_below_runs: Bool
    var keys: [String]
  }

  init(_ report: SuggestReport) {
    margin = JSONOutput.Number(report.plan.policy.margin)
    runs = Dictionary(
      report.plan.runs.map { ($0.environment.rawValue, $0.count) },
      uniquingKeysWith: { first, _ in first })
    tighten = report.plan.tighten.rawValue
    written = report.written
    suggestions = report.plan.suggestions.map { suggestion in
      let proposal = suggestion.proposal
      return Item(
        budget: suggestion.budget.rawValue, path: suggestion.path,
        environment: suggestion.environment.rawValue, metric: suggestion.metric.rawValue,
        dimension: suggestion.dimension.rawValue, field: proposal.key.rawValue,
        current: proposal.current.text, proposed: proposal.proposedText,
        proposed_value: JSONOutput.Number(proposal.proposed),
        worst: JSONOutput.Number(proposal.worst), runs: proposal.runs,
        tightening: JSONOutput.Number(proposal.tightening),
        far_below_runs: proposal.farBelowReality, keys: suggestion.keys)
    }
  }
}
