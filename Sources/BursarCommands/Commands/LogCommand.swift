import ArgumentParser
import BudgetKit
import Foundation
import Ledger

/// `bursar log`: the audit trail of every budget change along history.
struct LogCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "log",
    abstract: "The audit trail: every budget change, exception and approval, newest first.",
    discussion: """
      Follows first parents by default, so a merged branch shows as one change by its merge \
      commit; --all-parents also walks side branches (a merge that only brings a branch in is \
      then left out, as its commits show the changes). Each entry carries the commit, dates, \
      author, committer, what changed, and the rationale: the commit's Budget-Rationale: \
      trailer, else its message (a merge without one, followed as first parent, gives the \
      trailers of the commits it merged). A commit that leaves a file invalid is reported \
      (kind `invalid`) and the walk goes on; the file's changes count from the commit that \
      makes it valid again. Entries are printed as they are found; the table holds back its \
      first 100 to size its columns.
      """)

  @OptionGroup var repository: RepositoryOptions
  @OptionGroup var filters: AuditFilterOptions

  @Flag(name: .long, help: "Walk side branches too, not only first parents.")
  var allParents = false

  @Option(name: .long, help: "Output format: table, json, jsonl, csv or markdown.")
  var format: LogFormat = .table

  @Argument(help: "A revision or range: REV, A..B or A...B (default HEAD).")
  var range: String?

  func run() throws {
    let repo = try repository.open(forHistoryWalk: true)
    let filter = try filters.filter()
    var renderer = format.renderer
    var output = StreamedOutput()
    if let header = renderer.header() { output.line(header) }
    var count = 0
    var failure: CommandFailure?
    do throws(LedgerError) {
      // A git failure part-way still shows the commits read before it, then the failure.
      failure = try AuditTrail.read(
        range, firstParentOnly: !allParents, in: repo, filter: filter
      ) { entries, first in
        let texts = CommitTexts(first)
        for entry in entries {
          if let text = renderer.row(entry, commit: texts, index: count) { output.line(text) }
          count += 1
        }
        output.flush()
      }.map { CommandFailure($0) }
    } catch {
      throw CommandFailure(error)
    }
    if let footer = renderer.footer(count: count, error: failure?.description) {
      output.line(footer)
    }
    output.flush()
    if let failure { throw failure }
  }
}

/// The output formats of `log`.
enum LogFormat: String, OutputFormat, CaseIterable {
  case table
  case json
  case jsonl
  case csv
  case markdown

  var renderer: any LogRenderer {
    switch self {
    case .table: LogTableRenderer()
    case .json: LogJSONRenderer()
    case .jsonl: LogJSONLinesRenderer()
    case .csv: LogCSVRenderer()
    case .markdown: LogMarkdownRenderer()
    }
  }
}
